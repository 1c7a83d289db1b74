package io.jasyncio.samples.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request. Header names are case-insensitive; {@code params} holds the values the
 * route's {@code {name}} segments matched.
 */
public record Request(String method, String path, String version, Map<String, String> headers, byte[] body,
                      Map<String, String> params) {

    public String header(String name) {
        return headers.get(name);
    }

    public String param(String name) {
        return params.get(name);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The request with the route's matched path parameters. */
    Request withParams(Map<String, String> matched) {
        return new Request(method, path, version, headers, body, matched);
    }

    /** HTTP/1.1 keeps the connection unless told to close; HTTP/1.0 closes unless told to keep it. */
    boolean wantsKeepAlive() {
        String connection = headers.getOrDefault("Connection", "").toLowerCase();
        return version.equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
    }
}
