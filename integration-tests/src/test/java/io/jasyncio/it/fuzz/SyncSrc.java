package io.jasyncio.it.fuzz;

/** The reference twin's source: the value itself, or the failure the schedule puts at this await. */
public interface SyncSrc {
    <T> T v(int site, T value);

    default int i(int site, int value) {
        return v(site, value);
    }

    default long j(int site, long value) {
        return v(site, value);
    }

    default double d(int site, double value) {
        return v(site, value);
    }

    default float f(int site, float value) {
        return v(site, value);
    }

    default boolean z(int site, boolean value) {
        return v(site, value);
    }

    default char c(int site, char value) {
        return v(site, value);
    }

    default byte b(int site, byte value) {
        return v(site, value);
    }

    default short s(int site, short value) {
        return v(site, value);
    }

    default String str(int site, String value) {
        return v(site, value);
    }

    <T> Deferred<T> deferred(int site, T value);

    default Deferred<Integer> li(int site, int value) {
        return deferred(site, value);
    }

    default Deferred<String> lstr(int site, String value) {
        return deferred(site, value);
    }

    /**
     * The reference for "async with": javac's try-with-resources keeps the body's failure and suppresses the
     * close's; Python (and the weaver, through Coroutine.closeFailed) lets the close's failure win. So when
     * the last suppressed failure of t is the one this resource's close threw, that one leaves the statement.
     */
    default RuntimeException closeWins(int site, Throwable t) {
        Throwable[] suppressed = t.getSuppressed();
        if (suppressed.length > 0) {
            Throwable last = suppressed[suppressed.length - 1];
            if (Integer.valueOf(site).equals(FuzzLib.CLOSE_FAILURES.get(last))) {
                last.addSuppressed(t);
                return Rethrow.unchecked(last);
            }
        }
        return Rethrow.unchecked(t);
    }
}
