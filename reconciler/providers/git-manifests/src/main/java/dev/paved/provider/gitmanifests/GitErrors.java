package dev.paved.provider.gitmanifests;

import dev.paved.provider.ProviderError;
import dev.paved.provider.Secret;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Turns what JGit throws into a {@link ProviderError} with the step as context and no secret in it.
 * Authentication and a missing repository are permanent (retrying will not help); other transport failures
 * (timeouts, lost connections) and a locked local file are retryable; anything else is permanent.
 */
final class GitErrors {

    private static final String[] AUTH_HINTS = {"not authorized", "authentication", "auth fail", "401", "403",
        "permission denied", "access denied", "credentials"};

    private GitErrors() {
    }

    static ProviderError classify(String context, Exception failure, GitManifestsSettings settings) {
        String detail = scrub(describe(failure), settings).replace(settings.displayRepository() + ": ", "");
        if (has(failure, NoRemoteRepositoryException.class)) {
            return ProviderError.permanent(context + ": repository " + settings.displayRepository()
                    + " not found: " + detail);
        }
        if (failure instanceof TransportException || has(failure, org.eclipse.jgit.errors.TransportException.class)) {
            String lower = detail.toLowerCase(Locale.ROOT);
            for (String hint : AUTH_HINTS) {
                if (lower.contains(hint)) {
                    return ProviderError.permanent(context + ": authentication to " + settings.displayRepository()
                            + " failed: " + detail);
                }
            }
            return ProviderError.retryable(context + ": cannot reach " + settings.displayRepository() + ": "
                    + detail);
        }
        if (has(failure, LockFailedException.class)) {
            return ProviderError.retryable(context + ": a file of the clone is locked: " + detail);
        }
        return ProviderError.permanent(context + ": " + detail);
    }

    /** Removes the token and any user information in URLs from a message. */
    static String scrub(String message, GitManifestsSettings settings) {
        String scrubbed = message;
        Optional<Secret> token = settings.token();
        if (token.isPresent() && !token.get().reveal().isEmpty()) {
            scrubbed = scrubbed.replace(token.get().reveal(), Secret.MASK);
        }
        return scrubbed.replaceAll("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@", "$1");
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.toString().lines().map(String::strip).reduce((a, b) -> a + " " + b).orElse("");
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
