package io.jasyncio.samples.http;

import java.nio.charset.StandardCharsets;

/** An HTTP response: status, content type and body (the server adds the framing headers). */
public record Response(int status, String contentType, byte[] body) {

    public static Response json(Object value) {
        return json(200, value);
    }

    public static Response json(int status, Object value) {
        return new Response(status, "application/json", Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    public static Response text(int status, String text) {
        return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static Response html(String html) {
        return new Response(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The reason phrase for the statuses this server sends. */
    public static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }
}
