package dev.paved.daemon.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The keys whose signatures make a commit acceptable, read from a file or a directory:
 * <ul>
 * <li>{@code *.asc}: OpenPGP public keys, armored ({@code gpg --armor --export KEY-ID});</li>
 * <li>{@code *.pub}: OpenSSH public keys ({@code ssh-ed25519 AAAA… alice@example.com}), one a line;</li>
 * <li>{@code allowed_signers} (or a name ending in it): Git's allowed-signers format for SSH keys.</li>
 * </ul>
 * In a directory, other files and hidden ones are ignored; a file given by itself is read by its name, or as
 * OpenPGP when it starts with an armor line. Bad input stops the load with a message naming the file (and line).
 */
public final class TrustedKeys {

    private static final long MAX_FILE = 1 << 20;

    private final Path source;
    private final OpenPgpKeys openPgp;
    private final SshSigners ssh;

    private TrustedKeys(Path source, OpenPgpKeys openPgp, SshSigners ssh) {
        this.source = source;
        this.openPgp = openPgp;
        this.ssh = ssh;
    }

    /** @throws TrustedKeysException when a file cannot be read or holds no key or a broken one, or none is found */
    public static TrustedKeys load(Path path) {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> listed = Files.list(path)) {
                files = listed.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().startsWith(".")).sorted().toList();
            } catch (IOException e) {
                throw new TrustedKeysException(path + ": cannot list the trusted keys: " + e.getMessage(), e);
            }
        } else if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else {
            throw new TrustedKeysException(path + ": no such file or directory of trusted keys");
        }
        List<Path> asc = new ArrayList<>();
        List<Path> pub = new ArrayList<>();
        List<Path> allowed = new ArrayList<>();
        boolean single = !Files.isDirectory(path);
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".asc") || single && armored(file)) {
                asc.add(file);
            } else if (name.endsWith(".pub")) {
                pub.add(file);
            } else if (name.endsWith("allowed_signers") || single) {
                allowed.add(file);
            }
        }
        TrustedKeys keys = new TrustedKeys(path, OpenPgpKeys.read(asc), SshSigners.read(pub, allowed));
        if (keys.openPgp.size() + keys.ssh.size() == 0) {
            throw new TrustedKeysException(path + ": holds no trusted key (*.asc for OpenPGP, *.pub or"
                    + " allowed_signers for SSH)");
        }
        return keys;
    }

    OpenPgpKeys openPgp() {
        return openPgp;
    }

    SshSigners ssh() {
        return ssh;
    }

    /** For the start-up log: {@code 2 OpenPGP keys (FINGERPRINT (user), …) and 1 SSH key from PATH}. */
    public String describe() {
        String pgp = count(openPgp.size(), "OpenPGP key") + (openPgp.size() == 0 ? ""
                : " (" + String.join(", ", openPgp.describe()) + ")");
        return pgp + " and " + count(ssh.size(), "SSH key") + " from " + source;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static boolean armored(Path file) {
        return new String(readAll(file), StandardCharsets.US_ASCII).stripLeading().startsWith("-----BEGIN PGP");
    }

    /** The bytes of a key file; a file over 1 MiB is no key file. */
    static byte[] readAll(Path file) {
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new TrustedKeysException(file + ": " + Files.size(file) + " bytes is too large for a key file");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TrustedKeysException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
