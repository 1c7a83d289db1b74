package io.jasyncio.samples.seed4;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MultiprocessingVersionTest {
    @Test
    void sumsOfSquaresAreExact() {
        assertEquals(BigInteger.valueOf(14), MultiprocessingVersion.cpuBound(4));   // 0 + 1 + 4 + 9
        // past 2^64, where a long would wrap: (n-1) n (2n-1) / 6 for n = 5,000,000
        BigInteger n = BigInteger.valueOf(5_000_000);
        BigInteger exact = n.subtract(BigInteger.ONE).multiply(n).multiply(n.shiftLeft(1).subtract(BigInteger.ONE))
                .divide(BigInteger.valueOf(6));
        assertEquals(exact, MultiprocessingVersion.cpuBound(5_000_000));
    }

    @Test
    void thePoolKeepsTheOrderOfTheNumbers() throws Exception {
        assertEquals(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(5), BigInteger.valueOf(14)),
                MultiprocessingVersion.findSums(List.of(1, 2, 3, 4)));
    }
}
