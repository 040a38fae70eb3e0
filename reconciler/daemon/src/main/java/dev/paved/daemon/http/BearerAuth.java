package dev.paved.daemon.http;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The check on requests that change something: {@code Authorization: Bearer <token>}, compared in constant
 * time. Without a configured token those requests are disabled (403), so a daemon is never open by default.
 */
final class BearerAuth {

    private static final String PREFIX = "Bearer ";

    private final Optional<String> token;

    BearerAuth(Optional<String> token) {
        this.token = token;
    }

    /** Whether the request may proceed; when not, the 401 or 403 answer has been written. */
    boolean allows(Context ctx) {
        if (token.isEmpty()) {
            Responses.error(ctx, 403, ctx.method() + " " + ctx.path() + " is disabled: no API token is configured");
            return false;
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? header.substring(PREFIX.length()).strip() : null;
        if (!Secrets.tokenMatches(token.get(), presented)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"paved\"");
            Responses.error(ctx, 401, presented == null ? "an Authorization: Bearer token is required"
                    : "the bearer token is not valid");
            return false;
        }
        return true;
    }
}
