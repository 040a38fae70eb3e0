package dev.paved.core.forge;

import dev.paved.core.report.Masking;
import dev.paved.provider.Secret;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The forge's own words from an error response, made safe to print: GitHub's {@code message} and the messages of
 * its {@code errors}, GitLab's {@code message} (a string, or an object of field errors) or {@code error}; else the
 * start of the body. The token is masked wherever it appears and the text is cut to one readable line.
 */
final class ForgeMessages {

    private static final int MAX_LENGTH = 300;

    private ForgeMessages() {
    }

    static String of(JsonNode json, String raw, Secret token) {
        List<String> parts = new ArrayList<>();
        if (json.isObject()) {
            JsonNode message = json.path("message");
            if (message.isString()) {
                parts.add(message.asString());
            } else if (message.isContainer()) {
                parts.add(message.toString());
            }
            for (JsonNode error : json.path("errors")) {
                String text = error.isString() ? error.asString() : error.path("message").asString("");
                if (text.isEmpty() && error.isObject()) {
                    text = error.path("resource").asString("") + " " + error.path("field").asString("") + " "
                            + error.path("code").asString("");
                }
                if (!text.isBlank()) {
                    parts.add(text.strip());
                }
            }
            if (parts.isEmpty() && json.path("error").isString()) {
                parts.add(json.path("error").asString());
                if (json.path("error_description").isString()) {
                    parts.add(json.path("error_description").asString());
                }
            }
        }
        if (parts.isEmpty() && raw != null && !raw.isBlank()) {
            parts.add(raw);
        }
        return oneLine(Masking.scrub(String.join(": ", parts), token));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
