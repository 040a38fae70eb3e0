package dev.paved.policy.builtins;

/** A number as Go's float64 holds it and OPA prints it ({@code strconv.FormatFloat(v, 'g', -1, 64)}). */
public final class Float64 {

    private Float64() {
    }

    /** E.g. {@code 42}, {@code 0.125}, {@code 1.234567e+06}, {@code 1.2345678901234567e+19}. */
    public static String literal(double value) {
        return GoFloat.format(value, 'g', -1);
    }
}
