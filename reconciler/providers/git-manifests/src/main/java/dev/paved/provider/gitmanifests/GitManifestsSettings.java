package dev.paved.provider.gitmanifests;

import dev.paved.provider.ProviderException;
import dev.paved.provider.ProviderSettings;
import dev.paved.provider.Secret;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The settings of a git-manifests instance, checked once when it opens.
 *
 * @param instance        the instance name
 * @param repository      the deploy repo's remote: a path, {@code file://}, {@code https://} or {@code ssh://} URL
 * @param branch          the branch Argo CD or Flux follows (default {@code main})
 * @param workdir         the local clone, created when missing; one per instance
 * @param authorName      author and committer of Paved's commits (default {@code Paved})
 * @param authorEmail     their email (default {@code paved@localhost})
 * @param namespacePrefix prefixed to the environment to name its namespace (default none)
 * @param username        the user name sent with the token over https (default {@code x-access-token})
 * @param token           the https token, if any; never rendered
 * @param pushAttempts    how often one call tries to push when the branch moved meanwhile (default 3)
 * @param timeoutSeconds  network timeout of a fetch or push (default 60)
 */
record GitManifestsSettings(String instance, String repository, String branch, Path workdir, String authorName,
        String authorEmail, String namespacePrefix, String username, Optional<Secret> token, int pushAttempts,
        int timeoutSeconds) {

    GitManifestsSettings {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(token, "token");
    }

    static GitManifestsSettings from(ProviderSettings settings) {
        JsonNode node = settings.settings();
        String instance = settings.instance();
        String branch = text(node, "branch", "main");
        if (!branch.matches("[A-Za-z0-9._/-]+") || branch.contains("..") || branch.startsWith("/")) {
            throw invalid(instance, "branch '" + branch + "' is not a valid branch name");
        }
        String prefix = text(node, "namespacePrefix", "");
        if (!prefix.isEmpty() && !prefix.matches("[a-z0-9]([-a-z0-9]*)?")) {
            throw invalid(instance, "namespacePrefix must be lower-case letters, digits and '-'");
        }
        return new GitManifestsSettings(instance, settings.require("repository"), branch,
                Path.of(settings.require("workdir")).toAbsolutePath().normalize(),
                text(node, "authorName", "Paved"), text(node, "authorEmail", "paved@localhost"), prefix,
                text(node, "username", "x-access-token"), Optional.ofNullable(settings.secrets().get("token")),
                number(node, "pushAttempts", 3, instance), number(node, "timeoutSeconds", 60, instance));
    }

    /** The namespace an environment's workloads go to. */
    String namespace(String environment) {
        return namespacePrefix + environment;
    }

    /** The repository without any user information, fit for messages and logs. */
    String displayRepository() {
        return repository.replaceAll("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    @Override
    public String toString() {
        return "git-manifests " + instance + " (" + displayRepository() + ", branch " + branch
                + (token.isPresent() ? ", token " + Secret.MASK : "") + ")";
    }

    private static String text(JsonNode node, String name, String fallback) {
        String value = node.path(name).asString("");
        return value.isBlank() ? fallback : value.trim();
    }

    private static int number(JsonNode node, String name, int fallback, String instance) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isInt() || value.asInt() < 1) {
            throw invalid(instance, "setting '" + name + "' must be a positive integer");
        }
        return value.asInt();
    }

    private static ProviderException invalid(String instance, String problem) {
        return new ProviderException("provider instance " + instance + ": " + problem);
    }
}
