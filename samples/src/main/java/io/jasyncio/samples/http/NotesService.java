package io.jasyncio.samples.http;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.Task;
import io.jasyncio.samples.Py;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.sleep;

/**
 * The HTTP service sample: a small JSON notes API on {@link HttpServer} ({@code GET} and {@code POST}
 * {@code /notes}; {@code GET}, {@code PUT} and {@code DELETE} {@code /notes/{id}}; a slow {@code GET /export}). The demo in {@link #main()}
 * drives it like a client would: requests over one kept-alive connection, a path parameter, a request
 * over the size limit, and a graceful shutdown while a slow export is still running (it completes; the
 * idle connection is closed at once).
 */
public final class NotesService {
    private final Map<Integer, String> notes = new TreeMap<>();
    private int nextId = 1;

    public Router router() {
        return new Router()
                .get("/notes", this::list)
                .post("/notes", this::create)
                .get("/notes/{id}", this::read)
                .put("/notes/{id}", this::update)
                .delete("/notes/{id}", this::delete)
                .get("/export", this::export);
    }

    @Async
    private Coroutine<Response> list(Request request) {
        List<Object> all = new ArrayList<>();
        notes.forEach((id, text) -> all.add(Py.dict("id", id, "text", text)));
        return completed(Response.json(all));
    }

    @Async
    private Coroutine<Response> create(Request request) {
        int id = nextId++;
        notes.put(id, request.text());
        return completed(Response.json(201, Py.dict("id", id, "text", request.text())));
    }

    @Async
    private Coroutine<Response> read(Request request) {
        String text;
        try {
            text = notes.get(Integer.parseInt(request.param("id")));
        } catch (NumberFormatException e) {
            text = null;
        }
        if (text == null) {
            return completed(Response.json(404, Py.dict("detail", "Not Found")));
        }
        return completed(Response.json(Py.dict("id", Integer.parseInt(request.param("id")), "text", text)));
    }

    /** Replaces a note's text; 404 when there is no such note. */
    @Async
    private Coroutine<Response> update(Request request) {
        Integer id = existing(request);
        if (id == null) {
            return completed(Response.json(404, Py.dict("detail", "Not Found")));
        }
        notes.put(id, request.text());
        return completed(Response.json(Py.dict("id", id, "text", request.text())));
    }

    @Async
    private Coroutine<Response> delete(Request request) {
        Integer id = existing(request);
        if (id == null) {
            return completed(Response.json(404, Py.dict("detail", "Not Found")));
        }
        notes.remove(id);
        return completed(Response.json(Py.dict("deleted", id)));
    }

    /** The note the {@code {id}} parameter names, or null when it is not a number or not a note. */
    private Integer existing(Request request) {
        try {
            int id = Integer.parseInt(request.param("id"));
            return notes.containsKey(id) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A slow request: it takes two seconds, so a shutdown has something to wait for. */
    @Async
    private Coroutine<Response> export(Request request) {
        await(sleep(2));
        return completed(Response.json(Py.dict("exported", notes.size())));
    }

    private static void show(String what, HttpReply reply) {
        System.out.println(what + " -> " + reply.status() + " " + reply.text());
    }

    @Async
    public static Coroutine<Void> main() {
        HttpServer server = new HttpServer(new NotesService().router(), new Limits(1024, 4096, 50, 64 * 1024, 15));
        int port = await(server.start("127.0.0.1", 0)).getPort();
        String host = "127.0.0.1";
        HttpConnectionPool client = new HttpConnectionPool();
        show("POST /notes", await(client.request("POST", host, port, "/notes", "buy milk".getBytes(StandardCharsets.UTF_8))));
        show("POST /notes", await(client.request("POST", host, port, "/notes", "call mom".getBytes(StandardCharsets.UTF_8))));
        show("GET /notes/2", await(client.get(host, port, "/notes/2")));
        show("GET /notes/9", await(client.get(host, port, "/notes/9")));
        show("GET /notes", await(client.get(host, port, "/notes")));
        System.out.println("requests: " + server.requestsServed() + ", connections: " + server.connectionsAccepted());
        HttpReply tooLong = await(client.get(host, port, "/notes/" + "9".repeat(2000)));
        System.out.println("GET /notes/999... -> " + tooLong.status() + " " + tooLong.header("Connection"));

        HttpConnectionPool exporter = new HttpConnectionPool();
        Task<HttpReply> export = createTask(exporter.get(host, port, "/export"));
        await(sleep(0.5));
        await(server.shutdown(10));
        HttpReply exported = await(export);
        System.out.println("GET /export during shutdown -> " + exported.status() + " " + exported.text() + " "
                + exported.header("Connection"));
        System.out.println("open connections: " + server.openConnections());
        await(client.aclose());
        await(exporter.aclose());
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
