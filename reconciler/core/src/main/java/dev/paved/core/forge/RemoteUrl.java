package dev.paved.core.forge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forge host and repository path of a Git remote URL: {@code https://github.com/acme/platform.git},
 * {@code ssh://git@gitlab.example.com:2222/group/sub/platform.git} or {@code git@github.com:acme/platform.git}
 * give the host and {@code acme/platform} (or {@code group/sub/platform}). A local path gives nothing.
 */
public record RemoteUrl(String host, String path) {

    private static final Pattern URL = Pattern.compile("(?:https?|ssh|git)://(?:[^@/]*@)?([^/:]+)(?::[0-9]*)?/(.+)");
    private static final Pattern SCP = Pattern.compile("(?:[^@/]+@)?([^/:]+):(?!/)(.+)");

    public static Optional<RemoteUrl> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher matcher = URL.matcher(url.strip());
        if (!matcher.matches()) {
            matcher = SCP.matcher(url.strip());
            if (!matcher.matches() || url.contains("://")) {
                return Optional.empty();
            }
        }
        String path = matcher.group(2);
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        path = path.endsWith(".git") ? path.substring(0, path.length() - 4) : path;
        return path.contains("/") ? Optional.of(new RemoteUrl(matcher.group(1), path)) : Optional.empty();
    }
}
