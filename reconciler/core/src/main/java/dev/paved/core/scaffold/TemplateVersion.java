package dev.paved.core.scaffold;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template version, {@code MAJOR.MINOR.PATCH} with an optional pre-release ({@code 3.5.0-rc.1}), as the contract
 * writes {@code spec.template.version}. Ordered as semantic versions: {@code 3.10.0} is newer than {@code 3.9.0},
 * and a pre-release is older than its release.
 */
public record TemplateVersion(int major, int minor, int patch, String preRelease)
        implements Comparable<TemplateVersion> {

    private static final Pattern FORMAT = Pattern.compile(
            "([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9]{1,9})(?:-([0-9A-Za-z.-]+))?");
    private static final Comparator<TemplateVersion> ORDER = Comparator.comparingInt(TemplateVersion::major)
            .thenComparingInt(TemplateVersion::minor).thenComparingInt(TemplateVersion::patch)
            .thenComparing(TemplateVersion::preRelease, TemplateVersion::comparePreRelease);

    public static Optional<TemplateVersion> parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TemplateVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4)));
    }

    public boolean isRelease() {
        return preRelease.isEmpty();
    }

    @Override
    public int compareTo(TemplateVersion other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
    }

    /** Semantic versioning's rule: no pre-release is newer; identifiers compared numerically or as text. */
    private static int comparePreRelease(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() == b.isEmpty() ? 0 : a.isEmpty() ? 1 : -1;
        }
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftNumber = left[i].matches("[0-9]+");
            boolean rightNumber = right[i].matches("[0-9]+");
            int order = leftNumber && rightNumber ? Long.compare(Long.parseLong(left[i]), Long.parseLong(right[i]))
                    : leftNumber != rightNumber ? (leftNumber ? -1 : 1) : left[i].compareTo(right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
