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
}
