package demo;

import io.jasyncio.Async;

public class Bad {
    @Async static String name() { return "x"; }
}
