package dev.paved.core.parse;

/** Why a file (or the rest of it) could not be loaded; becomes a finding, never escapes the loader. */
final class LoadProblem extends RuntimeException {

    private final String ruleId;
    private final int line;
    private final int column;

    LoadProblem(String ruleId, int line, int column, String message) {
        super(message, null, false, false);
        this.ruleId = ruleId;
        this.line = line;
        this.column = column;
    }

    String ruleId() {
        return ruleId;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
