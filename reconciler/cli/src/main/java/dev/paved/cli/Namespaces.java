package dev.paved.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Conftest's {@code --namespace} patterns: without a glob metacharacter ({@code *}, {@code ?}, {@code [}) the names
 * are taken as given; otherwise they select, in the policies' order, every namespace one of them matches, where
 * {@code *} matches any sequence including dots (Go's {@code path.Match} on a name without slashes).
 */
final class Namespaces {

    private Namespaces() {
    }

    static List<String> select(List<String> patterns, List<String> available) {
        if (patterns.stream().noneMatch(p -> p.chars().anyMatch(c -> c == '*' || c == '?' || c == '['))) {
            return patterns;
        }
        List<Pattern> compiled = patterns.stream().map(Namespaces::glob).toList();
        return available.stream().filter(ns -> compiled.stream().anyMatch(p -> p.matcher(ns).matches())).toList();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int end = pattern.indexOf(']', i + 1);
                    String set = pattern.substring(i + 1, end < 0 ? pattern.length() : end);
                    regex.append('[').append(set.startsWith("^") ? "^" + set.substring(1) : set).append(']');
                    i = end < 0 ? pattern.length() : end;
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
