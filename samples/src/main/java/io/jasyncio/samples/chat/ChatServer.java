package io.jasyncio.samples.chat;

import io.jasyncio.Async;
import io.jasyncio.AsyncQueue;
import io.jasyncio.Coroutine;
import io.jasyncio.QueueFullException;
import io.jasyncio.QueueShutDownException;
import io.jasyncio.Server;
import io.jasyncio.StreamReader;
import io.jasyncio.StreamWriter;
import io.jasyncio.Task;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.createTask;
import static io.jasyncio.Asyncio.startServer;

/**
 * A line-based chat server. A client's first line is its name; every later line goes to all the other
 * clients as {@code name: text}, and {@code /quit} leaves. Each client has an outbox queue drained by a
 * sender task of its own, so a broadcast never waits for a slow reader: it only puts into queues. A
 * client whose outbox is full (it stopped reading) is disconnected rather than slowing everyone down.
 */
public final class ChatServer {
    /** One connected client: its name, its outbox, and the task that writes the outbox to its socket. */
    private static final class Client {
        final String name;
        final AsyncQueue<String> outbox;
        final StreamWriter writer;
        Task<Void> sender;

        Client(String name, int outboxSize, StreamWriter writer) {
            this.name = name;
            this.outbox = new AsyncQueue<>(outboxSize);
            this.writer = writer;
        }
    }

    private final int outboxSize;
    private final Map<String, Client> clients = new LinkedHashMap<>();
    private Server server;

    public ChatServer(int outboxSize) {
        this.outboxSize = outboxSize;
    }

    /** Starts listening; returns the port. */
    @Async
    public Coroutine<Integer> start(String host, int port) {
        server = await(startServer(this::session, host, port));
        return completed(server.localAddress().getPort());
    }

    /** Names of the clients connected now, in joining order. */
    public List<String> members() {
        return new ArrayList<>(clients.keySet());
    }

    /** Tells everyone, closes every connection once its outbox is written, and waits until all are closed. */
    @Async
    public Coroutine<Void> shutdown() {
        server.close();
        for (Client c : new ArrayList<>(clients.values())) {
            deliver(c, "* server shutting down");
            c.outbox.shutdown();   // the sender writes what is queued, then closes the connection
        }
        await(server.waitClosed());
        return completed();
    }

    @Async
    private Coroutine<Void> session(StreamReader reader, StreamWriter writer) {
        String name = line(await(reader.readLine()));
        if (name == null || name.isEmpty() || clients.containsKey(name)) {
            writer.write(("* name " + (name == null || name.isEmpty() ? "missing" : "taken") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            await(writer.drain());
            writer.close();
            return completed();
        }
        Client me = new Client(name, outboxSize, writer);
        me.sender = createTask(sender(me));
        broadcast(me, "* " + name + " joined");
        clients.put(name, me);
        try {
            for (String text; (text = line(await(reader.readLine()))) != null && !text.equals("/quit"); ) {
                broadcast(me, name + ": " + text);
            }
        } finally {
            if (clients.remove(name) == me) {
                broadcast(me, "* " + name + " left");
            }
            me.outbox.shutdown();
        }
        await(me.sender);
        return completed();
    }

    /** Writes the client's outbox to its socket until the outbox is shut down and empty. */
    @Async
    private Coroutine<Void> sender(Client client) {
        try {
            while (true) {
                String message;
                try {
                    message = await(client.outbox.get());
                } catch (QueueShutDownException e) {
                    return completed();
                }
                client.writer.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                await(client.writer.drain());
            }
        } finally {
            client.writer.close();
        }
    }

    private void broadcast(Client from, String message) {
        for (Client c : new ArrayList<>(clients.values())) {
            if (c != from) {
                deliver(c, message);
            }
        }
    }

    private void deliver(Client to, String message) {
        try {
            to.outbox.putNowait(message);
        } catch (QueueFullException e) {
            // it stopped reading: drop it instead of letting it hold everyone back
            clients.remove(to.name);
            to.sender.cancel();
        } catch (QueueShutDownException e) {
            // already leaving
        }
    }

    /** The line without its newline; null at the end of the stream. */
    static String line(byte[] raw) {
        if (raw.length == 0) {
            return null;
        }
        String s = new String(raw, StandardCharsets.UTF_8);
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
