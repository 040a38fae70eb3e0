package dev.paved.policy.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
  * Rewrites Go (RE2) regular expression syntax as Java syntax with the same meaning, in one pass; see
  * {@link GoRegex} for what differs. Tracks the multi-line and ungreedy flags per group, and the capture group
  * names by number.
  */
final class GoRegexTranslator {

    private static final String WORD = "[0-9A-Za-z_]";
    private static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
    private static final String NOT_BOUNDARY = "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD
            + "))";
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "0-9A-Za-z"), Map.entry("alpha", "A-Za-z"), Map.entry("ascii", "\\x00-\\x7F"),
            Map.entry("blank", "\\t "), Map.entry("cntrl", "\\x00-\\x1F\\x7F"), Map.entry("digit", "0-9"),
            Map.entry("graph", "!-~"), Map.entry("lower", "a-z"), Map.entry("print", " -~"),
            Map.entry("punct", "!-/:-@\\[-`{-~"), Map.entry("space", "\\t\\n\\x0B\\f\\r "),
            Map.entry("upper", "A-Z"), Map.entry("word", "0-9A-Za-z_"), Map.entry("xdigit", "0-9A-Fa-f"));

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final List<String> names = new ArrayList<>(List.of(""));
    private final ArrayList<boolean[]> flagStack = new ArrayList<>();
    private boolean multiLine;
    private boolean ungreedy;
    private int pos;

    GoRegexTranslator(String src) {
        this.src = src;
    }

    /** The Java pattern; throws {@link IllegalArgumentException} where Go refuses the expression. */
    String translate() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            switch (c) {
                case '\\' -> escape(false);
                case '[' -> charClass();
                case '(' -> group();
                case ')' -> {
                    if (!flagStack.isEmpty()) {
                        boolean[] saved = flagStack.remove(flagStack.size() - 1);
                        multiLine = saved[0];
                        ungreedy = saved[1];
                    }
                    out.append(c);
                    pos++;
                }
                case '$' -> {
                    out.append(multiLine ? "(?=\\n|\\z)" : "\\z");
                    pos++;
                }
                case '^' -> {
                    out.append(multiLine ? "(?<![^\\n])" : "\\A");
                    pos++;
                }
                case '*', '+', '?' -> {
                    out.append(c);
                    pos++;
                    laziness();
                }
                case '{' -> repeat();
                default -> {
                    out.append(c);
                    pos++;
                }
            }
        }
        return out.toString();
    }

    /** A trailing ? makes a repetition lazy; (?U) swaps that meaning. */
    private void laziness() {
        boolean lazy = pos < src.length() && src.charAt(pos) == '?';
        if (lazy) {
            pos++;
        }
        if (lazy != ungreedy) {
            out.append('?');
        }
        if (pos < src.length() && ("*+?".indexOf(src.charAt(pos)) >= 0
                || REPEAT.matcher(src).region(pos, src.length()).lookingAt())) {
            throw refuse("invalid nested repetition operator");
        }
    }

    private void repeat() {
        var m = REPEAT.matcher(src).region(pos, src.length());
        if (!m.lookingAt()) {
            out.append("\\{");
            pos++;
            return;
        }
        int min = parseCount(m.group(1));
        int max = m.group(3) == null ? min : m.group(3).isEmpty() ? -1 : parseCount(m.group(3));
        if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
            throw refuse("invalid repeat count");
        }
        out.append(m.group());
        pos = m.end();
        laziness();
    }

    private static int parseCount(String digits) {
        return digits.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private void group() {
        flagStack.add(new boolean[] {multiLine, ungreedy});
        if (!src.startsWith("(?", pos)) {
            names.add("");
            out.append('(');
            pos++;
            return;
        }
        var named = Pattern.compile("\\(\\?P?<([A-Za-z0-9_]+)>").matcher(src).region(pos, src.length());
        if (named.lookingAt()) {
                names.add(named.group(1));
            out.append('(');
            pos = named.end();
            return;
        }
        var flags = Pattern.compile("\\(\\?([imsU]*)(?:-([imsU]*))?([:)])").matcher(src).region(pos, src.length());
        if (!flags.lookingAt()) {
            throw refuse("invalid or unsupported Perl syntax");
        }
        String on = flags.group(1);
        String off = flags.group(2) == null ? "" : flags.group(2);
        multiLine = (multiLine || on.contains("m")) && !off.contains("m");
        ungreedy = (ungreedy || on.contains("U")) && !off.contains("U");
        on = on.replace("U", "");
        off = off.replace("U", "");
        boolean scoped = flags.group(3).equals(":");
        if (flags.group(1).isEmpty() && flags.group(2) != null && flags.group(2).isEmpty()) {
            throw refuse("missing flags");
        }
        out.append("(?").append(on).append(off.isEmpty() ? "" : "-" + off).append(scoped ? ":" : ")");
        pos = flags.end();
        if (!scoped) {
            // (?flags) lasts to the end of the enclosing group: undo the push made for this pseudo-group.
            flagStack.remove(flagStack.size() - 1);
        }
    }

    private void charClass() {
        out.append('[');
        pos++;
        if (pos < src.length() && src.charAt(pos) == '^') {
            out.append('^');
            pos++;
        }
        boolean first = true;
        while (true) {
            if (pos >= src.length()) {
                throw refuse("missing closing ]");
            }
            char c = src.charAt(pos);
            if (c == ']' && !first) {
                out.append(']');
                pos++;
                return;
            }
            first = false;
            if (c == '[' && src.startsWith("[:", pos)) {
                int end = src.indexOf(":]", pos + 2);
                String name = end < 0 ? null : src.substring(pos + 2, end);
                boolean negated = name != null && name.startsWith("^");
                String ranges = name == null ? null : POSIX.get(negated ? name.substring(1) : name);
                if (ranges != null) {
                    out.append(negated ? "[^" + ranges + "]" : ranges);
                    pos = end + 2;
                    continue;
                }
            }
            switch (c) {
                case '\\' -> escape(true);
                case '[', ']', '&', '~', '-' -> {
                    out.append(c == '-' ? "-" : "\\" + c);
                    pos++;
                }
                default -> {
                    out.append(c);
                    pos++;
                }
            }
        }
    }

    private void escape(boolean inClass) {
        if (pos + 1 >= src.length()) {
            throw refuse("trailing backslash at end of expression");
        }
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 's' -> out.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
            case 'S' -> out.append("[^\\t\\n\\f\\r ]");
            case 'v' -> out.append("\\x0B");
            case 'b' -> {
                if (inClass) {
                    throw refuse("invalid escape sequence \\b in class");
                }
                out.append(BOUNDARY);
            }
            case 'B' -> {
                if (inClass) {
                    throw refuse("invalid escape sequence \\B in class");
                }
                out.append(NOT_BOUNDARY);
            }
            case 'd', 'D', 'w', 'W', 'A', 'z', 'a', 'f', 't', 'n', 'r' -> out.append('\\').append(e);
            case 'p', 'P' -> unicodeClass(e);
            case 'x' -> hexEscape();
            case 'Q' -> {
                int end = src.indexOf("\\E", pos);
                String literal = end < 0 ? src.substring(pos) : src.substring(pos, end);
                out.append(Pattern.quote(literal));
                pos = end < 0 ? src.length() : end + 2;
            }
            case '0', '1', '2', '3', '4', '5', '6', '7' -> octal(e);
            default -> {
                if (e < 0x80 && !Character.isLetterOrDigit(e)) {
                    out.append('\\').append(e);
                } else {
                    throw refuse("invalid escape sequence \\" + e);
                }
            }
        }
    }

    private void unicodeClass(char e) {
        String name;
        if (pos < src.length() && src.charAt(pos) == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw refuse("invalid character class range");
            }
            name = src.substring(pos + 1, end);
            pos = end + 1;
        } else if (pos < src.length()) {
            name = String.valueOf(src.charAt(pos++));
        } else {
            throw refuse("invalid character class range");
        }
        boolean negated = name.startsWith("^");
        if (negated) {
            name = name.substring(1);
        }
        boolean category = name.length() <= 2;
        boolean negate = negated ^ (e == 'P');
        if (name.equals("Any")) {
            out.append(negate ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]");
            return;
        }
        out.append('\\').append(negate ? 'P' : 'p').append(category ? "{" + name + "}" : "{Is" + name + "}");
    }

    private void hexEscape() {
        if (pos < src.length() && src.charAt(pos) == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw refuse("invalid escape sequence");
            }
            out.append("\\x").append(src, pos, end + 1);
            pos = end + 1;
        } else if (pos + 2 <= src.length()) {
            out.append("\\x").append(src, pos, pos + 2);
            pos += 2;
        } else {
            throw refuse("invalid escape sequence");
        }
    }

    private void octal(char first) {
        if (first >= '1' && (pos >= src.length() || src.charAt(pos) < '0' || src.charAt(pos) > '7')) {
            throw refuse("invalid escape sequence \\" + first + " (backreferences are not supported)");
        }
        int end = pos - 1;
        while (end < src.length() && end < pos + 2 && src.charAt(end) >= '0' && src.charAt(end) <= '7') {
            end++;
        }
        out.append("\\0").append(src, pos - 1, end);
        pos = end;
    }

    private IllegalArgumentException refuse(String why) {
        return new IllegalArgumentException("error parsing regexp: " + why + ": `" + src + "`");
    }

    /** Group names by group number, "" for the whole match and for unnamed groups. */
    List<String> groupNames() {
        return List.copyOf(names);
    }
}
