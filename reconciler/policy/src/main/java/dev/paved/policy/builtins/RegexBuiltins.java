package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
  * {@code regex.replace(s, pattern, value)} and {@code regex.split(pattern, s)} with Go's semantics: successive
  * non-overlapping matches where an empty match right after a previous match does not count
  * ({@code regexp.FindAllSubmatchIndex}), Go's {@code $1}, {@code ${1}}, {@code $name} and {@code $$} in the
  * replacement ({@code Regexp.Expand}), and Go's {@code Regexp.Split}.
  */
final class RegexBuiltins {

    static final String REPLACE = "regex.replace";
    static final String SPLIT = "regex.split";
    private static final int CACHE_LIMIT = 256;

    private final ConcurrentHashMap<String, GoRegex> cache = new ConcurrentHashMap<>();

    List<HostBuiltin> all() {
        return List.of(
                new HostBuiltin(REPLACE, 3, operands -> TextNode.valueOf(replace(
                        Operands.string(REPLACE, operands.get(0), 1),
                        compile(REPLACE, Operands.string(REPLACE, operands.get(1), 2)),
                        Operands.string(REPLACE, operands.get(2), 3)))),
                new HostBuiltin(SPLIT, 2, operands -> {
                    var regex = compile(SPLIT, Operands.string(SPLIT, operands.get(0), 1));
                    var parts = new ArrayNode(JsonNodeFactory.instance);
                    split(regex, Operands.string(SPLIT, operands.get(1), 2)).forEach(parts::add);
                    return parts;
                }));
    }

    private GoRegex compile(String builtin, String pattern) {
        var cached = cache.get(pattern);
        if (cached != null) {
            return cached;
        }
        GoRegex regex;
        try {
            regex = GoRegex.compile(pattern);
        } catch (IllegalArgumentException e) {
            throw new BuiltinException(builtin, e.getMessage());
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(pattern, regex);
        return regex;
    }

    static String replace(String s, GoRegex regex, String template) {
        var out = new StringBuilder();
        int lastEnd = 0;
        for (var match : allMatches(regex, s)) {
            out.append(s, lastEnd, match.start());
            expand(out, regex, template, s, match);
            lastEnd = match.end();
        }
        return out.append(s, lastEnd, s.length()).toString();
    }

    static List<String> split(GoRegex regex, String s) {
        if (!regex.pattern().pattern().isEmpty() && s.isEmpty()) {
            return List.of("");
        }
        var parts = new ArrayList<String>();
        int beg = 0;
        int end = 0;
        for (var match : allMatches(regex, s)) {
            end = match.start();
            if (match.end() != 0) {
                parts.add(s.substring(beg, end));
            }
            beg = match.end();
        }
        if (end != s.length()) {
            parts.add(s.substring(beg));
        }
        return parts;
    }

    /** Go's {@code allMatches}: an empty match adjacent to the previous match is skipped. */
    private static List<Match> allMatches(GoRegex regex, String s) {
        var matches = new ArrayList<Match>();
        Matcher m = regex.pattern().matcher(s);
        int pos = 0;
        int prevMatchEnd = -1;
        while (pos <= s.length() && m.find(pos)) {
            boolean accept = true;
            if (m.end() == pos) {
                if (m.start() == prevMatchEnd) {
                    accept = false;
                }
                pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
            } else {
                pos = m.end();
            }
            prevMatchEnd = m.end();
            if (accept) {
                matches.add(Match.of(m));
            }
        }
        return matches;
    }

    /** Go's {@code Regexp.expand}. */
    private static void expand(StringBuilder out, GoRegex regex, String template, String src, Match match) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean brace = i < template.length() && template.charAt(i) == '{';
            int nameStart = brace ? i + 1 : i;
            int nameEnd = nameStart;
            while (nameEnd < template.length()) {
                int c = template.codePointAt(nameEnd);
                if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
                    break;
                }
                nameEnd += Character.charCount(c);
            }
            if (nameEnd == nameStart || (brace && (nameEnd >= template.length() || template.charAt(nameEnd) != '}'))) {
                out.append('$');
                continue;
            }
            String name = template.substring(nameStart, nameEnd);
            i = brace ? nameEnd + 1 : nameEnd;
            int group = groupNumber(name);
            if (group >= 0) {
                match.appendGroup(out, src, group);
            } else {
                var names = regex.groupNames();
                for (int g = 1; g < names.size(); g++) {
                    if (names.get(g).equals(name) && match.appendGroup(out, src, g)) {
                        break;
                    }
                }
            }
        }
        out.append(template, Math.min(i, template.length()), template.length());
    }

    /** The group a name denotes as a number, as Go's {@code extract} reads it; -1 when it is a name. */
    private static int groupNumber(String name) {
        int num = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || num >= 100_000_000) {
                return -1;
            }
            num = num * 10 + (c - '0');
        }
        return name.charAt(0) == '0' && name.length() > 1 ? -1 : num;
    }

    /** The offsets of one match and its groups, -1 for a group that did not take part. */
    private record Match(int[] offsets) {
        static Match of(Matcher m) {
            int[] offsets = new int[2 * (m.groupCount() + 1)];
            for (int g = 0; g <= m.groupCount(); g++) {
                offsets[2 * g] = m.start(g);
                offsets[2 * g + 1] = m.end(g);
            }
            return new Match(offsets);
        }

        int start() {
            return offsets[0];
        }

        int end() {
            return offsets[1];
        }

        /** Appends the group's text; false when the group did not take part in the match. */
        boolean appendGroup(StringBuilder out, String src, int group) {
            if (2 * group + 1 < offsets.length && offsets[2 * group] >= 0) {
                out.append(src, offsets[2 * group], offsets[2 * group + 1]);
                return true;
            }
            return false;
        }
    }
}
