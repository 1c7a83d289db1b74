package io.jasyncio.maven.check;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A call that blocks the loop thread inside an {@code @Async} method: while it waits, no other task,
 * callback or I/O on the loop makes progress. Lambdas are exempt, since they are what
 * {@code toThread(...)} runs on another thread.
 */
final class BlockingCallRule implements CheckRule {
    private static final String WORKER = "move it to a worker with await(toThread(() -> ...))";
    private static final String OR_WORKER = "or " + WORKER;

    /** Blocking methods, by a type that declares or inherits them. */
    private record Blocking(String type, Set<String> methods, String fix) {
    }

    private static final List<Blocking> BLOCKING = List.of(
            new Blocking("java.lang.Thread", Set.of("sleep"), "use await(sleep(seconds))"),
            new Blocking("java.lang.Thread", Set.of("join"), "await a Task or toThread(...) future instead"),
            new Blocking("java.lang.Object", Set.of("wait"), "wait on a jasyncio Event or Condition with await"),
            new Blocking("java.util.concurrent.CompletableFuture", Set.of("get", "join"),
                    "await(future): await accepts any CompletionStage"),
            new Blocking("java.util.concurrent.Future", Set.of("get"),
                    "await(future) if it is a CompletableFuture, " + OR_WORKER),
            new Blocking("java.io.InputStream", Set.of("read", "readAllBytes", "readNBytes", "transferTo", "skip"),
                    "use jasyncio streams (openConnection / StreamReader), " + OR_WORKER),
            new Blocking("java.io.Reader", Set.of("read", "transferTo", "skip"),
                    "use jasyncio streams (StreamReader.readLine), " + OR_WORKER),
            new Blocking("java.io.BufferedReader", Set.of("readLine"),
                    "use jasyncio streams (StreamReader.readLine), " + OR_WORKER),
            new Blocking("java.net.Socket", Set.of("connect"), "use await(openConnection(host, port))"),
            new Blocking("java.net.ServerSocket", Set.of("accept"), "use await(startServer(handler, host, port))"),
            new Blocking("java.net.DatagramSocket", Set.of("receive"), WORKER),
            new Blocking("java.net.URL", Set.of("openStream", "getContent"), WORKER),
            new Blocking("java.net.URLConnection", Set.of("connect", "getInputStream", "getContent"),
                    WORKER),
            new Blocking("java.net.HttpURLConnection", Set.of("getResponseCode"), WORKER),
            new Blocking("java.net.InetAddress", Set.of("getByName", "getAllByName", "getLocalHost"),
                    WORKER),
            new Blocking("java.net.http.HttpClient", Set.of("send"), "await(client.sendAsync(...)) instead"),
            new Blocking("java.util.concurrent.CountDownLatch", Set.of("await"), "use a jasyncio Event"),
            new Blocking("java.util.concurrent.CyclicBarrier", Set.of("await"), "use a jasyncio Barrier"),
            new Blocking("java.util.concurrent.Semaphore", Set.of("acquire", "acquireUninterruptibly"),
                    "use a jasyncio Semaphore"),
            new Blocking("java.util.concurrent.BlockingQueue", Set.of("take", "put"), "use a jasyncio queue"),
            new Blocking("java.util.concurrent.locks.Lock", Set.of("lock", "lockInterruptibly"),
                    "use a jasyncio Lock"),
            new Blocking("java.util.concurrent.locks.Condition", Set.of("await", "awaitUninterruptibly"),
                    "use a jasyncio Condition"),
            new Blocking("java.util.concurrent.ExecutorService", Set.of("awaitTermination", "invokeAll", "invokeAny"),
                    "await(toThread(...)) or loop.runInExecutor(...)"),
            new Blocking("java.lang.Process", Set.of("waitFor"), WORKER),
            new Blocking(Symbols.ASYNCIO, Set.of("run"),
                    "await the coroutine instead: Asyncio.run would start a second event loop inside this one"),
            new Blocking("io.jasyncio.EventLoop", Set.of("runUntilComplete", "runForever"),
                    "await the awaitable instead: a nested loop run blocks the running loop"));

    /** In-memory streams never block, though they inherit InputStream/Reader. */
    private static final Set<String> IN_MEMORY = Set.of("java.io.ByteArrayInputStream", "java.io.StringReader",
            "java.io.CharArrayReader", "java.io.StringBufferInputStream");

    private static final Map<String, List<Blocking>> BY_NAME = new HashMap<>();

    static {
        for (Blocking b : BLOCKING) {
            for (String m : b.methods()) {
                BY_NAME.computeIfAbsent(m, k -> new ArrayList<>()).add(b);
            }
        }
    }

    @Override
    public void check(CompilationUnit unit, Symbols symbols, Sink sink) {
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            List<Blocking> candidates = BY_NAME.get(call.getNameAsString());
            if (candidates == null || !Scopes.inAsyncMethod(call)) {
                continue;
            }
            Optional<Blocking> match = match(call, candidates, symbols, unit);
            if (match.isPresent()) {
                sink.report(Rule.BLOCKING_CALL, call,
                        "blocking call " + describe(call, match.get()) + " inside an @Async method stalls the event loop",
                        match.get().fix());
            }
        }
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            if (creation.getArguments().isEmpty() || !Scopes.inAsyncMethod(creation)) {
                continue;
            }
            String name = creation.getType().getNameWithScope();
            Optional<String> resolved = symbols.resolveCreatedType(creation);
            boolean socket = resolved.map("java.net.Socket"::equals)
                    .orElse(name.equals("Socket") || name.equals("java.net.Socket"));
            if (socket) {
                sink.report(Rule.BLOCKING_CALL, creation,
                        "blocking call new Socket(...) inside an @Async method connects synchronously and stalls the event loop",
                        "use await(openConnection(host, port))");
            }
        }
    }

    private static Optional<Blocking> match(MethodCallExpr call, List<Blocking> candidates, Symbols symbols,
                                            CompilationUnit unit) {
        Optional<Symbols.Target> target = symbols.resolve(call);
        if (target.isPresent()) {
            String declaring;
            Set<String> hierarchy;
            try {
                declaring = target.get().declaringType();
                if (IN_MEMORY.contains(declaring)) {
                    return Optional.empty();
                }
                hierarchy = target.get().declaringHierarchy();
            } catch (RuntimeException | LinkageError e) {
                return Optional.empty();
            }
            for (Blocking b : candidates) {
                // Every class descends from Object, so Object.wait must be the very method called
                // (Asyncio.wait is not); elsewhere a subtype's override (FileInputStream.read) blocks too.
                boolean matches = b.type().equals("java.lang.Object") ? declaring.equals(b.type())
                        : hierarchy.contains(b.type());
                if (matches) {
                    return Optional.of(b);
                }
            }
            return Optional.empty();
        }
        return matchByName(call, candidates, unit);
    }

    /** Unresolved: only the shapes whose meaning the name alone gives away. */
    private static Optional<Blocking> matchByName(MethodCallExpr call, List<Blocking> candidates,
                                                  CompilationUnit unit) {
        String name = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        String wanted = null;
        if (name.equals("sleep") && scope.isPresent() && Symbols.isNamed(scope.get(), "Thread", "java.lang.Thread")) {
            wanted = "java.lang.Thread";
        } else if (name.equals("wait") && (call.getArguments().isEmpty()
                || scope.isEmpty() || scope.get() instanceof ThisExpr)) {
            // Asyncio.wait takes arguments and must be called qualified; Object.wait is what is left.
            wanted = "java.lang.Object";
        } else if (name.equals("run") && call.getArguments().size() == 1
                && (scope.isPresent() ? Symbols.namesAsyncio(scope.get()) : importsAsyncioRun(unit))) {
            wanted = Symbols.ASYNCIO;
        }
        for (Blocking b : candidates) {
            if (b.type().equals(wanted)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private static boolean importsAsyncioRun(CompilationUnit unit) {
        for (ImportDeclaration imp : unit.getImports()) {
            if (imp.isStatic() && (imp.isAsterisk() && imp.getNameAsString().equals(Symbols.ASYNCIO)
                    || imp.getNameAsString().equals(Symbols.ASYNCIO + ".run"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MethodCallExpr call, Blocking b) {
        String type = b.type().substring(b.type().lastIndexOf('.') + 1);
        return type + "." + call.getNameAsString() + "(...)";
    }
}
