package dev.paved.daemon.cycle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Strict host-key checking against one known_hosts file (plain and hashed host names, {@code [host]:port} for a
 * port other than 22, {@code @revoked} lines): a host whose key is not there, or whose key changed, is refused,
 * never accepted or added, whatever the ssh configuration says. Why the last host was refused is kept for the
 * fetch's error message. The file is read at every connection, so a key added to it counts from the next fetch.
 */
final class KnownHosts implements ServerKeyDatabase {

    private static final String REVOKED = "revoked";

    private final Path file;
    private final AtomicReference<String> refusal = new AtomicReference<>();

    KnownHosts(Path file) {
        this.file = file;
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        Host host = Host.of(connectAddress, remoteAddress);
        List<PublicKey> keys = new ArrayList<>();
        List<KnownHostEntry> entries;
        try {
            entries = entries();
        } catch (IOException e) {
            return keys;
        }
        for (KnownHostEntry entry : entries) {
            if (!REVOKED.equals(entry.getMarker()) && entry.isHostMatch(host.name(), host.port())) {
                key(entry).ifPresent(keys::add);
            }
        }
        return keys;
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                          Configuration config, CredentialsProvider provider) {
        Host host = Host.of(connectAddress, remoteAddress);
        String presented = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
        List<KnownHostEntry> entries;
        try {
            entries = entries();
        } catch (IOException e) {
            return refuse("cannot read the known_hosts file " + file + " to check the ssh host key of " + host + ": "
                    + e.getMessage());
        }
        boolean known = false;
        for (KnownHostEntry entry : entries) {
            if (!entry.isHostMatch(host.name(), host.port())) {
                continue;
            }
            Optional<PublicKey> key = key(entry);
            boolean same = key.isPresent() && KeyUtils.compareKeys(key.get(), serverKey);
            if (same && REVOKED.equals(entry.getMarker())) {
                return refuse("the ssh host key of " + host + " (" + presented + ") is marked @revoked in " + file);
            }
            if (same && entry.getMarker() == null) {
                refusal.set(null);
                return true;
            }
            known |= entry.getMarker() == null;
        }
        if (known) {
            return refuse("the ssh host key of " + host + " (" + presented + ") does not match the key " + file
                    + " has for it: the host's key changed, or something is between Paved and the host; the fetch"
                    + " is refused. If the change is expected, replace the host's line in " + file);
        }
        return refuse("the ssh host key of " + host + " (" + presented + ") is not in " + file
                + (Files.exists(file) ? "" : " (no such file)") + ": an unknown host is never trusted; check the"
                + " fingerprint with the host's owner and add its key, e.g. ssh-keyscan " + host.keyscan() + " >> "
                + file);
    }

    /** Why the last connection was refused, once; empty when it was not. */
    Optional<String> takeRefusal() {
        return Optional.ofNullable(refusal.getAndSet(null));
    }

    private boolean refuse(String why) {
        refusal.set(why);
        return false;
    }

    /** The file's lines; none when there is no file. */
    private List<KnownHostEntry> entries() throws IOException {
        try {
            return KnownHostEntry.readKnownHostEntries(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IllegalArgumentException e) {
            throw new IOException("a line is not a known_hosts entry (" + e.getMessage() + ")", e);
        }
    }

    private static Optional<PublicKey> key(KnownHostEntry entry) {
        try {
            return Optional.ofNullable(entry.getKeyEntry() == null ? null
                    : entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING));
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty(); // a line with a key type this Java cannot read matches no server key
        }
    }

    /** A host as known_hosts names it: {@code name} for port 22, {@code [name]:port} otherwise. */
    private record Host(String name, int port) {

        /** JGit says {@code [host]:port}, {@code host:port} or {@code host}; the socket has the port in any case. */
        static Host of(String connectAddress, InetSocketAddress remote) {
            String address = connectAddress == null ? remote.getHostString() : connectAddress;
            if (address.startsWith("[") && address.contains("]")) {
                address = address.substring(1, address.indexOf(']'));
            } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
                address = address.substring(0, address.indexOf(':'));
            }
            return new Host(address, remote.getPort());
        }

        String keyscan() {
            return (port == 22 ? "" : "-p " + port + " ") + name;
        }

        @Override
        public String toString() {
            return port == 22 ? name : "[" + name + "]:" + port;
        }
    }
}
