package io.jasyncio;

/**
 * Python's {@code asyncio.IncompleteReadError}: the stream ended before the requested bytes or separator
 * arrived. {@link #partial()} holds what was read; {@link #expected()} the wanted size (null: until a separator).
 */
public class IncompleteReadException extends RuntimeException {
    private final transient byte[] partial;
    private final Integer expected;

    public IncompleteReadException(byte[] partial, Integer expected) {
        super(partial.length + " bytes read on a total of " + (expected == null ? "undefined" : expected.toString()) + " expected bytes");
        this.partial = partial;
        this.expected = expected;
    }

    /** The bytes read before the end of the stream (not a copy). */
    public byte[] partial() {
        return partial;
    }

    /** The total wanted, or null when the read was looking for a separator. */
    public Integer expected() {
        return expected;
    }
}
