package demo.app;

import demo.greeter.Greeter;
import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

import java.util.List;

public class App {
    /** Overrides the library's coroutine and awaits the super implementation across the module boundary. */
    static class LoudGreeter extends Greeter {
        LoudGreeter() {
            super("hello");
        }

        @Async @Override public Coroutine<String> greet(String name) {
            String quiet = await(super.greet(name));
            return completed(quiet.toUpperCase() + "!");
        }
    }

    @Async static Coroutine<Void> main() {
        Greeter plain = new Greeter("hi");
        Task<String> loud = createTask(new LoudGreeter().greet("world"), "loud");
        List<String> both = await(gather(plain.greet("there"), loud));
        System.out.println("greetings " + both);
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
