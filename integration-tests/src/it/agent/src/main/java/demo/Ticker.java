package demo;

import io.jasyncio.*;
import static io.jasyncio.Asyncio.*;

public class Ticker {
    private int ticks;

    @Async Coroutine<Integer> tick(String name, int times, double period) {
        for (int i = 0; i < times; i++) {
            await(sleep(period));
            ticks++;
            System.out.println(name + " " + i);
        }
        return completed(times);
    }

    @Async Coroutine<Void> main() {
        Task<Integer> a = createTask(tick("a", 3, 0.02));
        int b = await(tick("b", 2, 0.05));
        int total = await(a) + b;
        System.out.println("total " + total + " ticks " + ticks);
        return completed();
    }

    public static void main(String[] args) {
        Asyncio.run(new Ticker().main());
    }
}
