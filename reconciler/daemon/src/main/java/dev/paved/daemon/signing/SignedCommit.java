package dev.paved.daemon.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A commit object split as Git verifies it: the signature (the {@code gpgsig} header, its continuation lines
 * unindented) and the signed payload (the commit object without that header).
 *
 * @param payload   the bytes the signature covers
 * @param signature the armored signature, or empty when the commit is not signed
 */
record SignedCommit(byte[] payload, Optional<byte[]> signature) {

    private static final byte[] HEADER = "gpgsig ".getBytes(StandardCharsets.US_ASCII);

    /** Splits a raw commit object ({@code tree …\nparent …\n…\n\nmessage}). */
    static SignedCommit of(byte[] raw) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(raw.length);
        ByteArrayOutputStream signature = null;
        boolean inSignature = false;
        int start = 0;
        while (start < raw.length) {
            int end = lineEnd(raw, start);
            boolean blank = end - start == 1;
            if (blank) { // the end of the headers: the message follows, as it is
                payload.write(raw, start, raw.length - start);
                break;
            }
            if (inSignature && raw[start] == ' ') {
                signature.write(raw, start + 1, end - start - 1);
            } else if (signature == null && startsWith(raw, start, HEADER)) {
                inSignature = true;
                signature = new ByteArrayOutputStream();
                signature.write(raw, start + HEADER.length, end - start - HEADER.length);
            } else {
                inSignature = false;
                payload.write(raw, start, end - start);
            }
            start = end;
        }
        return new SignedCommit(payload.toByteArray(),
                Optional.ofNullable(signature).map(ByteArrayOutputStream::toByteArray));
    }

    /** The index just past the line feed that ends the line starting at {@code start}, or the length. */
    private static int lineEnd(byte[] raw, int start) {
        for (int i = start; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }

    private static boolean startsWith(byte[] raw, int start, byte[] prefix) {
        if (raw.length - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (raw[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
