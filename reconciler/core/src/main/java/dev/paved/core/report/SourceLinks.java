package dev.paved.core.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Links to a file and line of the platform repo at one commit, on the forge that hosts it, for findings in a
 * pull-request comment: {@code BASE/FOLDER/PATH#L16}.
 *
 * @param base   the URL the Git repository's files are shown under at the commit, e.g.
 *               {@code https://github.com/acme/platform/blob/3f2c…}, without a final '/'
 * @param folder the platform repo's folder within the Git repository, {@code ""} at its top
 */
public record SourceLinks(String base, String folder) {

    public SourceLinks {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        folder = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
    }

    /**
     * The links CI variables describe for {@code commit}: GitHub Actions' {@code GITHUB_SERVER_URL} and
     * {@code GITHUB_REPOSITORY}, or GitLab CI's {@code CI_PROJECT_URL}; empty elsewhere.
     */
    public static Optional<SourceLinks> fromCi(Map<String, String> env, String commit, String folder) {
        String server = env.getOrDefault("GITHUB_SERVER_URL", "");
        String repository = env.getOrDefault("GITHUB_REPOSITORY", "");
        if (!server.isEmpty() && !repository.isEmpty()) {
            return Optional.of(new SourceLinks(server + "/" + repository + "/blob/" + commit, folder));
        }
        String project = env.getOrDefault("CI_PROJECT_URL", "");
        if (!project.isEmpty()) {
            return Optional.of(new SourceLinks(project + "/-/blob/" + commit, folder));
        }
        return Optional.empty();
    }

    /** The link to {@code path} (relative to the platform repo), at {@code line} when it is positive. */
    public String link(String path, int line) {
        String encoded = Arrays.stream((folder + path).split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("/"));
        return base + "/" + encoded + (line > 0 ? "#L" + line : "");
    }
}
