package dev.paved.core.source;

/**
 * One declaration file of a snapshot.
 *
 * @param path repo-relative path with '/', as shown in findings
 * @param size size in bytes, known before reading so that oversized files are never read
 */
public record SourceFile(String path, long size) {
}
