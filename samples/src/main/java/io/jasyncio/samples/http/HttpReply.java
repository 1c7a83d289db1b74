package io.jasyncio.samples.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response as the client sees it. Header names are case-insensitive. */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
