package io.jasyncio;

/** Running the loop in I/O tests: every run is bounded, so a lost wake-up fails instead of hanging. */
final class IoTesting {
    static final double TIMEOUT = 30.0;

    private IoTesting() {
    }

    /** Runs the loop until the awaitable is done, failing it after {@link #TIMEOUT} seconds. */
    @SuppressWarnings("unchecked")
    static <T> T run(EventLoop loop, Awaitable<T> aw) {
        Future<T> f = aw instanceof Coroutine<?> c ? (Future<T>) loop.createTask(c) : (Future<T>) aw;
        TimerHandle guard = loop.callLater(TIMEOUT, () -> {
            if (!f.isDone()) {
                f.cancel("test timed out after " + TIMEOUT + " s");
            }
        });
        try {
            return loop.runUntilComplete(f);
        } finally {
            guard.cancel();
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static String str(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A pattern of n bytes that makes a shifted or dropped byte visible. */
    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ((i * 7 + 3) % 251);
        }
        return b;
    }

    static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
