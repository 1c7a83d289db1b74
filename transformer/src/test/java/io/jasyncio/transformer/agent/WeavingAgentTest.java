package io.jasyncio.transformer.agent;

import io.jasyncio.transformer.CliFixtures;
import io.jasyncio.transformer.Weaver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent in a real JVM: weaves at load time, defines frames in the owner's loader, reports misuse. */
class WeavingAgentTest {
    @TempDir
    Path tmp;

    @Test
    void weavesClassesAsTheyLoad() throws Exception {
        Path classes = CliFixtures.project(tmp, "app/Main.java", """
                package app;
                import io.jasyncio.*;
                public class Main {
                    @Async static Coroutine<String> hello(Awaitable<String> a) {
                        String greeting = "hello ";
                        return Asyncio.completed(greeting + Asyncio.await(a));
                    }
                    public static void main(String[] args) throws Exception {
                        Coroutine<String> c = hello(Future.pending());
                        c.start();
                        c.resume("agent", false);
                        System.out.println(c.result + " " + c.getClass().getName() + " "
                                + (c.getClass().getClassLoader() == Main.class.getClassLoader()));
                        try {
                            Bad.f(Future.done("x"));
                        } catch (IllegalStateException e) {
                            System.out.println("unwoven: " + e.getMessage());
                        }
                    }
                }
                class Bad {
                    static Object f(Awaitable<String> a) {
                        return Asyncio.await(a);
                    }
                }
                """);
        Path agent = tmp.resolve("agent.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(new Attributes.Name("Premain-Class"), WeavingAgent.class.getName());
        new JarOutputStream(Files.newOutputStream(agent), mf).close();

        List<String> cp = new ArrayList<>();
        for (Class<?> c : List.of(Weaver.class, org.objectweb.asm.ClassReader.class, org.objectweb.asm.tree.ClassNode.class,
                org.objectweb.asm.tree.analysis.Analyzer.class, org.objectweb.asm.util.CheckClassAdapter.class)) {
            cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        cp.add(classes.toString());
        cp.add(CliFixtures.stubs(tmp).toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-javaagent:" + agent, "-cp", String.join(File.pathSeparator, cp),
                "app.Main").redirectErrorStream(false).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + err);
        assertEquals("hello agent app.Main$hello$Coroutine true\n"
                + "unwoven: await(...) was reached in code that was not woven\n", out.replace("\r\n", "\n"));
        assertEquals("jasyncio agent: app/Main.java:23: in app.Bad.f(): await(...) in a method that is not @Async"
                + " — annotate f with @Async and return Coroutine<T>, or await in an @Async caller\n", err.replace("\r\n", "\n"));
    }
}
