package io.jasyncio.it.fuzz;

import io.jasyncio.Awaitable;

/**
 * Where a woven fuzz program gets what it awaits: {@code await(src.i(site, value))}. One non-generic
 * method per type: a generic one would make every await a poly expression that javac re-attributes for
 * each overload candidate around it, exponentially in the nesting.
 */
public interface AsyncSrc {
    /** An awaitable of {@code value}, completing (or failing, or being cancelled) as the schedule says. */
    <T> Awaitable<T> v(int site, T value);

    default Awaitable<Integer> i(int site, int value) {
        return v(site, value);
    }

    default Awaitable<Long> j(int site, long value) {
        return v(site, value);
    }

    default Awaitable<Double> d(int site, double value) {
        return v(site, value);
    }

    default Awaitable<Float> f(int site, float value) {
        return v(site, value);
    }

    default Awaitable<Boolean> z(int site, boolean value) {
        return v(site, value);
    }

    default Awaitable<Character> c(int site, char value) {
        return v(site, value);
    }

    default Awaitable<Byte> b(int site, byte value) {
        return v(site, value);
    }

    default Awaitable<Short> s(int site, short value) {
        return v(site, value);
    }

    default Awaitable<String> str(int site, String value) {
        return v(site, value);
    }

    /**
     * An awaitable created now and awaited later, perhaps after others created after it: later ones
     * complete first. Never the target of a cancellation (that would arrive at some other await).
     */
    <T> Awaitable<T> deferred(int site, T value);

    default Awaitable<Integer> li(int site, int value) {
        return deferred(site, value);
    }

    default Awaitable<String> lstr(int site, String value) {
        return deferred(site, value);
    }

    /**
     * What leaves an "async with" over {@link FuzzLib.ARes} at {@code site} when it threw {@code t}. Woven
     * code already follows Python (a failing close wins over the body's failure): t as it is.
     */
    default RuntimeException closeWins(int site, Throwable t) {
        return Rethrow.unchecked(t);
    }
}
