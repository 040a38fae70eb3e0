package dev.paved.core.parse;

/**
 * Bounds on what the loader accepts from one file, so that no input can exhaust memory or time.
 *
 * @param maxFileBytes largest file read, in bytes
 * @param maxDepth     deepest nesting of mappings and sequences in a document
 * @param maxNodes     most YAML nodes in one file, counting every node an alias expands to; this is what
 *                     stops "billion laughs" alias bombs
 */
public record LoadLimits(long maxFileBytes, int maxDepth, int maxNodes) {

    public static final LoadLimits DEFAULTS = new LoadLimits(1024 * 1024, 64, 100_000);

    public LoadLimits {
        if (maxFileBytes < 1 || maxDepth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("load limits must be positive: " + maxFileBytes + ", " + maxDepth
                    + ", " + maxNodes);
        }
    }
}
