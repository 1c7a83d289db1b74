package io.jasyncio.samples.chat;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.StreamPair;
import java.nio.charset.StandardCharsets;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;
import static io.jasyncio.Asyncio.openConnection;

/** A chat participant: sends lines, receives lines (null once the server has closed the connection). */
public final class ChatClient {
    private final String name;
    private final StreamPair connection;

    private ChatClient(String name, StreamPair connection) {
        this.name = name;
        this.connection = connection;
    }

    /** Connects and introduces itself by name. */
    @Async
    public static Coroutine<ChatClient> join(String host, int port, String name) {
        StreamPair connection = await(openConnection(host, port));
        ChatClient client = new ChatClient(name, connection);
        await(client.say(name));
        return completed(client);
    }

    public String name() {
        return name;
    }

    @Async
    public Coroutine<Void> say(String text) {
        connection.writer().write((text + "\n").getBytes(StandardCharsets.UTF_8));
        await(connection.writer().drain());
        return completed();
    }

    /** The next line from the server, or null at the end. */
    @Async
    public Coroutine<String> receive() {
        return completed(ChatServer.line(await(connection.reader().readLine())));
    }

    public void close() {
        connection.writer().close();
    }
}
