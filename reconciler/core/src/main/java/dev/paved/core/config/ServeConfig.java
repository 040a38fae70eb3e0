package dev.paved.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code serve:} section of {@code paved.yaml}: the settings of {@code paved serve} that the file gives, each
 * empty when the file leaves it out (flags and {@code PAVED_SERVE_*} variables override them). Never secrets:
 * tokens, passphrases and passwords come only from the environment. Paths (a local {@code repo}, the ssh key and
 * known-hosts files, the trusted keys) are resolved against the file's directory.
 *
 * @param repo          the platform repo: a URL, or a folder in a Git work tree
 * @param branch        the branch to follow; never set together with {@code tag}
 * @param tag           the tag to follow
 * @param path          the platform repo's folder within the Git repository
 * @param host          the address HTTP listens on
 * @param port          the HTTP port, 0 to 65535
 * @param interval      time between scheduled cycles, positive
 * @param jitter        up to how much more, at random
 * @param resync        time between full cycles, positive
 * @param manual        plan-only environments
 * @param reportDrift   environments where drift is only reported, not corrected
 * @param trustedKeys   the keys a commit must be signed by to be applied (a file or a directory)
 * @param logFormat     how log lines are written
 * @param sshKey        the private key for an ssh remote
 * @param sshKnownHosts the known_hosts file host keys of ssh remotes are checked against
 */
public record ServeConfig(Optional<String> repo, Optional<String> branch, Optional<String> tag, Optional<String> path,
                          Optional<String> host, Optional<Integer> port, Optional<Duration> interval,
                          Optional<Duration> jitter, Optional<Duration> resync, Optional<List<String>> manual,
                          Optional<List<String>> reportDrift, Optional<Path> trustedKeys,
                          Optional<LogFormat> logFormat, Optional<Path> sshKey, Optional<Path> sshKnownHosts) {

    /** A file without a {@code serve:} section, or no file. */
    public static final ServeConfig NONE = new ServeConfig(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** What an environment's name looks like (a DNS label). */
    public static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public ServeConfig {
        manual = manual.map(List::copyOf);
        reportDrift = reportDrift.map(List::copyOf);
    }

    /**
     * Whether a repo is a URL ({@code https://…}, {@code file:…}, {@code ssh://…}, scp-like {@code git@host:path})
     * rather than a local path: as for Git, a colon before the first slash makes it a URL.
     */
    public static boolean isUrl(String repo) {
        int colon = repo.indexOf(':');
        int slash = repo.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash);
    }
}
