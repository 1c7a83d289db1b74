package io.jasyncio.bench.startup;

import io.jasyncio.Async;
import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;

import static io.jasyncio.Asyncio.await;
import static io.jasyncio.Asyncio.completed;

/**
 * Workload 9's start-up program: {@code Asyncio.run} of a main coroutine awaiting one {@code @Async} call in a
 * second class, so two classes need weaving. The bench build keeps two copies: target/classes (woven by the
 * plugin) and target/agent-startup-unwoven (as javac wrote it, for {@code -javaagent}). Prints "ok" when the
 * coroutines ran; un-woven and without the agent it fails at its first await instead.
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) {
        System.out.println(Asyncio.run(main()));
    }

    @Async
    static Coroutine<String> main() {
        String answer = await(StartupChild.answer());
        return completed(answer);
    }
}
