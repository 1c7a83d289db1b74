package io.jasyncio.samples.chat;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import java.util.List;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * Three clients chat through a {@link ChatServer} on the same loop. Each step waits until the others
 * have received what was said (reading is the synchronisation), so the transcript is always the same.
 */
public final class ChatDemo {
    private static final String HOST = "127.0.0.1";

    private ChatDemo() {
    }

    /** Reads one line on behalf of the client and prints it. */
    @Async
    private static Coroutine<Void> show(ChatClient client) {
        System.out.println(client.name() + " <- " + await(client.receive()));
        return completed();
    }

    @Async
    public static Coroutine<Void> main() {
        ChatServer server = new ChatServer(100);
        int port = await(server.start(HOST, 0));

        ChatClient alice = await(ChatClient.join(HOST, port, "alice"));
        ChatClient bob = await(ChatClient.join(HOST, port, "bob"));
        await(show(alice));
        ChatClient carol = await(ChatClient.join(HOST, port, "carol"));
        await(show(alice));
        await(show(bob));

        await(alice.say("hi"));
        await(show(bob));
        await(show(carol));
        await(bob.say("hello alice"));
        await(show(alice));
        await(show(carol));

        await(carol.say("/quit"));
        await(show(carol));   // the server closes carol's connection: null
        await(show(alice));
        await(show(bob));
        System.out.println("members: " + server.members());

        await(server.shutdown());
        for (ChatClient c : List.of(alice, bob)) {
            await(show(c));   // the goodbye
            await(show(c));   // then the end of the stream
            c.close();
        }
        carol.close();
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
