package io.jasyncio.it.woven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Async;
import io.jasyncio.Coroutine;
import io.jasyncio.it.shapes.LoopSrc;
import io.jasyncio.it.shapes.ShapesTestAccess;
import io.jasyncio.it.support.InMemoryCompiler;
import io.jasyncio.it.support.TestPaths;
import io.jasyncio.transformer.Weaver;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load-time weaving: the shape classes compiled again, left unwoven, and run in a fresh JVM under
 * {@code -javaagent:jasyncio-transformer.jar} with nothing else on its class path but the runtime, give
 * exactly the outcomes the plugin-woven classes give in this JVM.
 */
class AgentWeavingTest {
    /** Runs every shape of the classes named in args under every mode, one outcome per line. */
    private static final String AGENT_MAIN = """
            import io.jasyncio.*;
            import io.jasyncio.it.shapes.*;
            import java.lang.reflect.*;
            import java.util.*;

            public class AgentMain {
                public static void main(String[] args) throws Exception {
                    for (String name : args) {
                        Class<?> c = Class.forName(name);
                        List<Method> shapes = new ArrayList<>();
                        for (Method m : c.getDeclaredMethods()) {
                            if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
                                    && m.getReturnType() == Coroutine.class && m.getParameterCount() == 1
                                    && m.getParameterTypes()[0] == Src.class) {
                                shapes.add(m);
                            }
                        }
                        shapes.sort(Comparator.comparing(Method::getName));
                        for (Method m : shapes) {
                            for (LoopSrc.Mode mode : LoopSrc.Mode.values()) {
                                String r;
                                try (EventLoop loop = new EventLoop(new VirtualClock())) {
                                    Coroutine<?> co = (Coroutine<?>) m.invoke(null, new LoopSrc(loop, mode));
                                    r = "returned " + loop.runUntilComplete(loop.createTask(co));
                                } catch (RuntimeException | Error e) {
                                    r = "threw " + e.getClass().getName() + ": " + e.getMessage();
                                }
                                System.out.println(name + "#" + m.getName() + "#" + mode + "=" + r.replace('\\n', ' '));
                            }
                        }
                    }
                }
            }
            """;

    @Test
    void theAgentWeavesAtLoadTimeWhatThePluginWeavesAtBuildTime(@TempDir Path dir) throws Exception {
        List<Class<?>> shapes = ShapesTestAccess.shapeClasses();
        Path module = TestPaths.moduleDir();
        Map<String, String> sources = new LinkedHashMap<>();
        List<Class<?>> withSupport = new ArrayList<>(shapes);
        withSupport.addAll(List.of(ShapesTestAccess.supportClasses()));
        for (Class<?> c : withSupport) {
            String rel = c.getName().replace('.', '/') + ".java";
            Path file = Files.isRegularFile(module.resolve("src/test/java").resolve(rel))
                    ? module.resolve("src/test/java").resolve(rel) : module.resolve("src/test/java21").resolve(rel);
            sources.put(c.getName(), Files.readString(file));
        }
        sources.put("AgentMain", AGENT_MAIN);
        int release = Runtime.version().feature() >= 21 ? 21 : 17;
        Path runtime = TestPaths.locationOf(Coroutine.class);
        Path annotations = TestPaths.locationOf(Async.class);
        Map<String, byte[]> classes = new InMemoryCompiler(List.of(runtime, annotations), release).compile(sources);
        Path unwoven = dir.resolve("classes");
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path out = unwoven.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(out.getParent());
            Files.write(out, e.getValue());
        }

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-ea", "-javaagent:" + TestPaths.locationOf(Weaver.class),
                "-cp", String.join(java.io.File.pathSeparator, unwoven.toString(), runtime.toString(), annotations.toString()),
                "AgentMain"));
        shapes.forEach(c -> command.add(c.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        // a safety net for a hung child, not a synchronisation: readAllBytes already waited for its exit
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the agent JVM did not exit");
        assertEquals(0, p.exitValue(), output);

        Map<String, String> byAgent = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.indexOf('#') > 0 && line.indexOf('#') < eq) {
                byAgent.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        int compared = 0;
        for (Class<?> c : shapes) {
            for (Method m : ShapesTestAccess.shapes(c)) {
                for (LoopSrc.Mode mode : LoopSrc.Mode.values()) {
                    String key = c.getName() + "#" + m.getName() + "#" + mode;
                    String byPlugin = ShapesTestAccess.run(m, mode).replace('\n', ' ');
                    assertEquals(byPlugin, byAgent.get(key), () -> key + "\nagent JVM output:\n" + output);
                    compared++;
                }
            }
        }
        assertTrue(compared > 100, "compared only " + compared + " outcomes");
    }
}
