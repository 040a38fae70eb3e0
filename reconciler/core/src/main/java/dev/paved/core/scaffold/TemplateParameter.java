package dev.paved.core.scaffold;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A value a template asks for, given with {@code --set NAME=VALUE}.
 *
 * @param defaultValue used when none is given; may itself hold placeholders such as {@code {{name}}}; without one
 *                     the parameter must be given whenever the file rendered uses it
 * @param pattern      what a value must match, whole, so that it cannot break the YAML it is put into
 */
public record TemplateParameter(String name, String description, Optional<String> defaultValue, Pattern pattern) {

    /** Without a pattern of its own: a plain YAML scalar, no spaces, quotes, '#', or ': '. */
    public static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,299}");

    public boolean accepts(String value) {
        return pattern.matcher(value).matches();
    }
}
