package dev.paved.daemon.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A line of a key file that says something: not blank, not a {@code #} comment; trimmed. */
record Line(Path file, int number, String text) {

    static List<Line> of(Path file) {
        String[] all = new String(TrustedKeys.readAll(file), StandardCharsets.UTF_8).split("\r?\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            String text = all[i].strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                lines.add(new Line(file, i + 1, text));
            }
        }
        return lines;
    }

    /** {@code FILE line N}, for messages. */
    String where() {
        return file + " line " + number;
    }
}
