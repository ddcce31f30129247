package dev.sparkcputour.kernel;

/**
 * Primality by trial division up to the square root: the tutorial's kernel without its bug
 * (its {@code is_prime} calls 0 and 1 prime; this one does not).
 */
public final class TrialDivision {

    /** The largest long whose square still fits in a long. */
    private static final long MAX_ROOT = 3_037_000_499L;

    private TrialDivision() {
    }

    /** Whether {@code n} is prime, trying 2 and then every odd divisor up to its square root. */
    public static boolean isPrime(long n) {
        if (n <= Integer.MAX_VALUE) {
            return isPrime((int) Math.max(n, 0));
        }
        if ((n & 1) == 0) {
            return false;
        }
        long limit = floorSqrt(n);
        for (long d = 3; d <= limit; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** The int version: 32-bit division is markedly cheaper than 64-bit on most CPUs. */
    private static boolean isPrime(int n) {
        if (n < 4) {
            return n >= 2;
        }
        if ((n & 1) == 0) {
            return false;
        }
        int limit = (int) floorSqrt(n);
        for (int d = 3; d <= limit; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** The number of primes in {@code [from, to)}; an empty or inverted range counts 0. */
    public static long countPrimes(long from, long to) {
        long count = 0;
        for (long n = Math.max(from, 0); n < to; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    /** The exact integer square root; a double's square root can be one off above 2^52. */
    static long floorSqrt(long n) {
        long r = (long) Math.sqrt((double) n);
        while (r * r > n) {
            r--;
        }
        while (r < MAX_ROOT && (r + 1) * (r + 1) <= n) {
            r++;
        }
        return r;
    }
}
