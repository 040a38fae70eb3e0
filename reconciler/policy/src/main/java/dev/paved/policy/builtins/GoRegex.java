package dev.paved.policy.builtins;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
  * A Go (RE2) regular expression compiled to a {@link Pattern} with Go's meaning: {@code $} and {@code ^}
  * without {@code (?m)} are the ends of the text only and with it match at any {@code \n}; {@code \s} does
  * not match a vertical tab; {@code \b} and {@code \w} are ASCII; {@code (?i)} folds Unicode case;
  * {@code (?U)} swaps greedy and lazy repetition; {@code (?P<name>...)} and POSIX classes
  * ({@code [[:alpha:]]}) work; {@code [} inside a class is a literal; and what RE2 refuses (lookaround,
  * backreferences, possessive quantifiers, unknown flags or escapes, repeat counts over 1000) is refused. Named
  * groups become plain groups (Java limits their names, Go allows the same name twice); {@link #groupNames()}
  * keeps the names by group number.
  */
final class GoRegex {

    private final Pattern pattern;
    private final List<String> groupNames;

    private GoRegex(Pattern pattern, List<String> groupNames) {
        this.pattern = pattern;
        this.groupNames = groupNames;
    }

    Pattern pattern() {
        return pattern;
    }

    /** Group names by group number (index 0 is the whole match, ""), "" for unnamed groups. */
    List<String> groupNames() {
        return groupNames;
    }

    /** Compiles a Go regular expression; throws {@link IllegalArgumentException} when Go would refuse it. */
    static GoRegex compile(String expr) {
        var translator = new GoRegexTranslator(expr);
        String java = translator.translate();
        try {
            return new GoRegex(Pattern.compile(java, Pattern.UNIX_LINES | Pattern.UNICODE_CASE),
                    translator.groupNames());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("error parsing regexp: " + e.getDescription() + ": `" + expr + "`", e);
        }
    }
}
