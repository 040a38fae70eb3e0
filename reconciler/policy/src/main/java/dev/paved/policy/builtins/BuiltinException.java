package dev.paved.policy.builtins;

/**
  * A host builtin could not compute a result: an operand of the wrong type, an unparsable duration, an invalid
  * regular expression. OPA reports these as {@code eval_builtin_error} and, without strict builtin errors (the
  * default, and what Conftest runs with), the expression is simply undefined.
  */
public class BuiltinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String builtin;

    public BuiltinException(String builtin, String message) {
        super(builtin + ": " + message);
        this.builtin = builtin;
    }

    /** The name of the builtin that failed. */
    public String builtin() {
        return builtin;
    }
}
