package dev.paved.policy.builtins;

import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;

/**
  * A Rego number that keeps the text it was written with ({@code 1.0}, {@code 1.50}, {@code 1e3}, {@code -0}).
  * OPA keeps that text too, and it matters: {@code sprintf} formats a number as a float64 exactly when its text
  * has a fraction or an exponent, and prints numbers inside composite values as written. Plain integers are read
  * as Jackson's ordinary integer nodes. (Jackson serializes it as its decimal value: {@code 1e3} as {@code 1E+3}.)
  */
public final class RegoNumber extends DecimalNode {

    private final String text;

    private RegoNumber(String text, BigDecimal value) {
        super(value);
        this.text = text;
    }

    /** Parses JSON number text; throws {@link NumberFormatException} when it is not one. */
    public static RegoNumber of(String text) {
        return new RegoNumber(text, new BigDecimal(text));
    }

    /** The number as written. */
    public String text() {
        return text;
    }

    @Override
    public String asText() {
        return text;
    }
}
