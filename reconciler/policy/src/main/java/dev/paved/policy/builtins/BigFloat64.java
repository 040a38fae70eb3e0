package dev.paved.policy.builtins;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
  * Rounding to a 64-bit binary mantissa, nearest even: what Go's {@code big.Float} does with its default
  * precision when it parses a number or multiplies two.
  */
final class BigFloat64 {

    private static final int PRECISION = 64;

    private BigFloat64() {}

    static BigDecimal round(BigDecimal x) {
        if (x.signum() == 0) {
            return x;
        }
        BigInteger num = x.unscaledValue().abs();
        BigInteger den = BigInteger.ONE;
        if (x.scale() > 0) {
            den = BigInteger.TEN.pow(x.scale());
        } else {
            num = num.multiply(BigInteger.TEN.pow(-x.scale()));
        }
        // floor(log2(num / den)), then the exponent e with 2^(PRECISION-1) <= num / den / 2^e < 2^PRECISION
        int log2 = num.bitLength() - den.bitLength();
        boolean atLeast = log2 >= 0 ? num.compareTo(den.shiftLeft(log2)) >= 0
                : num.shiftLeft(-log2).compareTo(den) >= 0;
        if (!atLeast) {
            log2--;
        }
        int e = log2 - (PRECISION - 1);
        BigInteger scaledNum = e >= 0 ? num : num.shiftLeft(-e);
        BigInteger scaledDen = e >= 0 ? den.shiftLeft(e) : den;
        BigInteger[] qr = scaledNum.divideAndRemainder(scaledDen);
        BigInteger mantissa = qr[0];
        int half = qr[1].shiftLeft(1).compareTo(scaledDen);
        if (half > 0 || (half == 0 && mantissa.testBit(0))) {
            mantissa = mantissa.add(BigInteger.ONE);
        }
        // 2^-k = 5^k × 10^-k, so the value stays exact
        BigDecimal value = e >= 0 ? new BigDecimal(mantissa.shiftLeft(e))
                : new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow(-e)), -e);
        return x.signum() < 0 ? value.negate() : value;
    }
}
