package dev.paved.daemon.cycle;

import dev.paved.provider.Secret;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the daemon reaches an ssh remote ({@code ssh://git@host:port/path.git} or {@code git@host:path.git}): with
 * one private key, and only to a host whose key is in a known_hosts file. Nothing else of {@code ~/.ssh} (its
 * config, other keys, an agent) is used. {@link #toString()} never shows the passphrase.
 *
 * @param key        the private key (OpenSSH or PEM); required for an ssh remote
 * @param passphrase the key's passphrase, when it is encrypted
 * @param knownHosts the known_hosts file the host's key must be in
 */
public record SshSettings(Optional<Path> key, Optional<Secret> passphrase, Path knownHosts) {

    /** No key; host keys checked against {@code ~/.ssh/known_hosts}. */
    public static SshSettings none() {
        return new SshSettings(Optional.empty(), Optional.empty(),
                Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }

    @Override
    public String toString() {
        return "SshSettings[key=" + key.map(Path::toString).orElse("none") + ", passphrase="
                + passphrase.map(p -> "***").orElse("none") + ", knownHosts=" + knownHosts + "]";
    }
}
