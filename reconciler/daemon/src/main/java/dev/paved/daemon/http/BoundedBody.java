package dev.paved.daemon.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A request body read only up to a limit: a larger one is refused without being held in memory. */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The body, or empty when it is longer than {@code max} bytes: refused on its declared length alone, or
     * after reading {@code max + 1} bytes of it.
     */
    static Optional<byte[]> read(Context ctx, long max) throws IOException {
        if (ctx.req().getContentLengthLong() > max) {
            return Optional.empty();
        }
        InputStream in = ctx.req().getInputStream();
        byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        return body.length > max ? Optional.empty() : Optional.of(body);
    }
}
