package demo.greeter;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

/** A library type whose coroutine subclasses may override. */
public class Greeter {
    private final String greeting;

    public Greeter(String greeting) {
        this.greeting = greeting;
    }

    @Async public Coroutine<String> greet(String name) {
        await(sleep(0.01));
        return completed(greeting + ", " + name);
    }
}
