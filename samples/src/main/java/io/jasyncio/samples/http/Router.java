package io.jasyncio.samples.http;

import io.jasyncio.Coroutine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes requests by method and path pattern. A pattern's {@code {name}} segments match any one
 * non-empty path segment and are handed to the handler, percent-decoded, as parameters
 * ({@code /items/{item_id}}). No route for the path: 404; a route for the path but not the method: 405.
 */
public final class Router {
    /** Handles one request; an {@code @Async} method reference fits. */
    @FunctionalInterface
    public interface Handler {
        Coroutine<Response> handle(Request request);
    }

    private record Route(String method, String[] segments, Handler handler) {
    }

    /** What a lookup found: the handler with its parameters, or the status to answer with. */
    public record Match(Handler handler, Map<String, String> params, int status) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler handler) {
        return route("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return route("POST", pattern, handler);
    }

    public Router put(String pattern, Handler handler) {
        return route("PUT", pattern, handler);
    }

    public Router delete(String pattern, Handler handler) {
        return route("DELETE", pattern, handler);
    }

    public Router route(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    public Match find(String method, String path) {
        String[] segments = split(path);
        boolean pathKnown = false;
        for (Route r : routes) {
            Map<String, String> params = match(r.segments, segments);
            if (params != null) {
                if (r.method.equals(method)) {
                    return new Match(r.handler, params, 200);
                }
                pathKnown = true;
            }
        }
        return new Match(null, Map.of(), pathKnown ? 405 : 404);
    }

    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;   // "/items/" has no item id
                }
                params.put(p.substring(1, p.length() - 1), decode(path[i]));
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    /** A segment's %XX escapes decoded as UTF-8 ('+' stays: it is a space only in queries); malformed: as is. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
