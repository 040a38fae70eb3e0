package dev.paved.core.finding;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Did you mean …?" hints: the closest candidate by edit distance, when it is close enough to be a typo. */
public final class Suggestions {

    private static final Pattern DID_YOU_MEAN = Pattern.compile(" \\(did you mean '([^']*)'\\?\\)");

    private Suggestions() {
    }

    /** The name a message made with {@link #didYouMean} suggests, or null when it suggests none. */
    public static String suggested(String message) {
        Matcher matcher = DID_YOU_MEAN.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The message without the suggestion {@link #didYouMean} added to it. */
    public static String withoutSuggestion(String message) {
        return DID_YOU_MEAN.matcher(message).replaceFirst("");
    }

    /** {@code " (did you mean 'payments'?)"}, or {@code ""} when nothing is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        String best = closest(input, candidates);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** The candidate nearest to {@code input}, or null when none is within a typo's distance. */
    public static String closest(String input, Collection<String> candidates) {
        int allowed = Math.max(2, input.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - input.length()) > allowed) {
                continue;
            }
            int distance = distance(input.toLowerCase(java.util.Locale.ROOT),
                    candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance <= allowed && (distance < bestDistance
                    || distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null || best.equals(input) ? null : best;
    }

    /** Levenshtein distance, with an adjacent transposition counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
