package io.jasyncio;

/** Rethrows any Throwable unwrapped: await never forces a checked-exception clause. */
final class Throwables {
    private Throwables() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
