package dev.paved.core.validate;

import dev.paved.core.catalog.Catalog;
import dev.paved.core.finding.Suggestions;
import dev.paved.core.parse.Kind;
import java.util.List;

/** Messages for a reference to a name that is not declared. */
final class References {

    private References() {
    }

    /**
     * "team 'paymnts' does not exist (did you mean 'payments'?)", or "'checkout' is a Service, not a Team"
     * when the name exists as another kind.
     */
    static String missing(Catalog catalog, Kind expected, String noun, String name) {
        List<Kind> others = catalog.kindsNamed(name);
        if (!others.isEmpty()) {
            return "'" + name + "' is a " + others.get(0).yamlName() + ", not " + article(expected.yamlName());
        }
        return noun + " '" + name + "' does not exist" + Suggestions.didYouMean(name, catalog.names(expected));
    }

    private static String article(String word) {
        return ("AEIOU".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }
}
