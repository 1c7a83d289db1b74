package io.jasyncio.samples.http;

/**
 * What the server accepts from a client. Over a limit, it answers 414 (request line), 431 (headers) or
 * 413 (body) and closes the connection; a connection idle longer than {@code keepAliveTimeout} seconds
 * (or too slow to send its head) is closed.
 */
public record Limits(int maxRequestLine, int maxHeaderBytes, int maxHeaders, int maxBody, double keepAliveTimeout) {
    /** nginx-like defaults: 8 KiB lines, 100 headers, 1 MiB bodies, 15 s idle. */
    public static final Limits DEFAULT = new Limits(8190, 8190, 100, 1 << 20, 15.0);

    public Limits withKeepAliveTimeout(double seconds) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxHeaders, maxBody, seconds);
    }
}
