package dev.sparkcputour.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialDivisionTest {

    @ParameterizedTest(name = "pi({0}) = {1}")
    @CsvSource({
        "0, 0", "1, 0", "2, 0", "3, 1", "4, 2",
        "10, 4", "100, 25", "1000, 168", "1000000, 78498", "2000000, 148933"})
    void countsKnownValuesOfPi(long n, long expected) {
        assertEquals(expected, TrialDivision.countPrimes(0, n));
    }

    @Test
    void zeroAndOneAreNotPrimeUnlikeTheTutorial() {
        assertFalse(TrialDivision.isPrime(0));
        assertFalse(TrialDivision.isPrime(1));
        assertTrue(TrialDivision.isPrime(2));
        assertTrue(TrialDivision.isPrime(3));
        assertFalse(TrialDivision.isPrime(4));
        assertFalse(TrialDivision.isPrime(-7));
    }

    @Test
    void agreesWithASieveBelowOneHundredThousand() {
        int limit = 100_000;
        boolean[] composite = new boolean[limit];
        for (int p = 2; (long) p * p < limit; p++) {
            for (int m = p * p; m < limit; m += p) {
                composite[m] = true;
            }
        }
        for (int n = 0; n < limit; n++) {
            assertEquals(n >= 2 && !composite[n], TrialDivision.isPrime(n), "n=" + n);
        }
    }

    @Test
    void handlesNumbersBeyondTheIntRange() {
        assertTrue(TrialDivision.isPrime(2_147_483_647L), "2^31-1 is a Mersenne prime");
        assertTrue(TrialDivision.isPrime(1_000_000_000_039L), "the first prime above 10^12");
        assertFalse(TrialDivision.isPrime(1_000_003L * 1_000_003L), "the square of a prime");
        assertFalse(TrialDivision.isPrime(2_147_483_648L));
        assertEquals(1, TrialDivision.countPrimes(1_000_000_000_000L, 1_000_000_000_040L));
    }

    @Test
    void emptyAndInvertedRangesCountNothing() {
        assertEquals(0, TrialDivision.countPrimes(100, 100));
        assertEquals(0, TrialDivision.countPrimes(100, 10));
        assertEquals(4, TrialDivision.countPrimes(-50, 10));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "3, 1", "4, 2", "99, 9", "100, 10",
        "4611686014132420608, 2147483646", "4611686014132420609, 2147483647",
        "9223372036854775807, 3037000499"})
    void floorSqrtIsExact(long n, long root) {
        assertEquals(root, TrialDivision.floorSqrt(n));
    }
}
