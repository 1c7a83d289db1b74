package io.jasyncio.samples.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The wire format of PostgreSQL's frontend/backend protocol, version 3: the frontend messages this
 * client sends, and a cursor over the body of a backend message. Every frontend message but the
 * startup and cancel requests is a type byte, an int32 length that counts itself, and the body.
 */
final class Messages {
    static final int PROTOCOL_3_0 = 196608;          // 3 << 16
    static final int CANCEL_REQUEST_CODE = 80877102;  // 1234 << 16 | 5678

    private Messages() {
    }

    /** StartupMessage: no type byte; the parameters are name/value C strings ending with an empty one. */
    static byte[] startup(Map<String, String> parameters) {
        Builder b = new Builder((char) 0).int32(PROTOCOL_3_0);
        parameters.forEach((name, value) -> b.cstring(name).cstring(value));
        return b.int8(0).build();
    }

    /** CancelRequest, sent on a connection of its own: asks the server to cancel that backend's query. */
    static byte[] cancelRequest(int backendPid, int secretKey) {
        return new Builder((char) 0).int32(CANCEL_REQUEST_CODE).int32(backendPid).int32(secretKey).build();
    }

    /** Query: simple query protocol, one or more statements in one string. */
    static byte[] query(String sql) {
        if (sql.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a query cannot contain a NUL character");
        }
        return new Builder('Q').cstring(sql).build();
    }

    /** PasswordMessage: the cleartext password, or md5's hashed one. */
    static byte[] password(String password) {
        return new Builder('p').cstring(password).build();
    }

    /** SASLInitialResponse: the chosen mechanism and its first message. */
    static byte[] saslInitialResponse(String mechanism, byte[] data) {
        return new Builder('p').cstring(mechanism).int32(data.length).bytes(data).build();
    }

    /** SASLResponse: the mechanism's next message, unframed. */
    static byte[] saslResponse(byte[] data) {
        return new Builder('p').bytes(data).build();
    }

    static byte[] terminate() {
        return new Builder('X').build();
    }

    /** A frontend message under construction; the length is filled in by {@link #build()}. */
    private static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final boolean typed;

        Builder(char type) {
            typed = type != 0;
            if (typed) {
                out.write(type);
            }
            int32(0);   // length placeholder
        }

        Builder int8(int v) {
            out.write(v);
            return this;
        }

        Builder int32(int v) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Builder cstring(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
            return int8(0);
        }

        Builder bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] build() {
            byte[] msg = out.toByteArray();
            int at = typed ? 1 : 0;
            int length = msg.length - at;
            msg[at] = (byte) (length >>> 24);
            msg[at + 1] = (byte) (length >>> 16);
            msg[at + 2] = (byte) (length >>> 8);
            msg[at + 3] = (byte) length;
            return msg;
        }
    }

    /** One backend message: its type byte and its body, read with a cursor. */
    static final class Backend {
        final char type;
        private final byte[] body;
        private int at;

        Backend(char type, byte[] body) {
            this.type = type;
            this.body = body;
        }

        int int16() {
            need(2);
            int v = (body[at] & 0xff) << 8 | (body[at + 1] & 0xff);
            at += 2;
            return v;
        }

        int int32() {
            need(4);
            int v = (body[at] & 0xff) << 24 | (body[at + 1] & 0xff) << 16 | (body[at + 2] & 0xff) << 8 | (body[at + 3] & 0xff);
            at += 4;
            return v;
        }

        int int8() {
            need(1);
            return body[at++] & 0xff;
        }

        String cstring() {
            int end = at;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            if (end == body.length) {
                throw malformed("unterminated string");
            }
            String s = new String(body, at, end - at, StandardCharsets.UTF_8);
            at = end + 1;
            return s;
        }

        byte[] bytes(int n) {
            need(n);
            byte[] b = java.util.Arrays.copyOfRange(body, at, at + n);
            at += n;
            return b;
        }

        byte[] rest() {
            return bytes(body.length - at);
        }

        boolean hasMore() {
            return at < body.length;
        }

        private void need(int n) {
            if (n < 0 || body.length - at < n) {
                throw malformed("truncated");
            }
        }

        PgProtocolException malformed(String what) {
            return new PgProtocolException("malformed '" + type + "' message from the server: " + what);
        }
    }
}
