package dev.paved.core.parse;

/**
 * A declaration that names itself but could not be loaded (e.g. a duplicate key further down its document).
 * Its load problem is already a finding; knowing its name keeps references to it from being reported as
 * missing too, so that one broken file does not bury the report in consequences.
 */
public record DeclaredName(Kind kind, String name, String file) {
}
