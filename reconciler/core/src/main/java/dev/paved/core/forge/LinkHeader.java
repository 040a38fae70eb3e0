package dev.paved.core.forge;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code next} page of an RFC 8288 {@code Link} header, as GitHub and GitLab send for paginated lists. */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {
    }

    /** The target of the link whose {@code rel} includes {@code next}, if any. */
    static Optional<String> next(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            Matcher rel = REL.matcher(link.group(2));
            while (rel.find()) {
                for (String value : rel.group(1).trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (value.equals("next")) {
                        return Optional.of(link.group(1).trim());
                    }
                }
            }
        }
        return Optional.empty();
    }
}
