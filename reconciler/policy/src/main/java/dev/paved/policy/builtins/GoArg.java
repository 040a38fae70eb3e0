package dev.paved.policy.builtins;

import java.math.BigInteger;

/**
  * The four Go types OPA's {@code sprintf} hands to {@code fmt.Sprintf}: {@code int64}, {@code *big.Int} and
  * {@code float64} for numbers, and {@code string} for strings and for every other value (already rendered in
  * OPA's own syntax, so booleans and null arrive as the strings "true" and "null").
  */
sealed interface GoArg {

    /** The name {@code %T} and the {@code %!verb(type=value)} error forms print. */
    String typeName();

    record Int64(long value) implements GoArg {
        @Override
        public String typeName() {
            return "int64";
        }
    }

    record BigInt(BigInteger value) implements GoArg {
        @Override
        public String typeName() {
            return "*big.Int";
        }
    }

    record Float64(double value) implements GoArg {
        @Override
        public String typeName() {
            return "float64";
        }
    }

    record Str(String value) implements GoArg {
        @Override
        public String typeName() {
            return "string";
        }
    }
}
