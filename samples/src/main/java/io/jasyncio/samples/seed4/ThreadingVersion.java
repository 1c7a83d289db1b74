package io.jasyncio.samples.seed4;

import io.jasyncio.samples.web.LocalWebSite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Seed 004, "threading version": the same downloads on a pool of five threads, each thread with its own
 * session ({@code threading.local}). Compare {@link AsyncioVersion}: one thread, one session.
 */
public final class ThreadingVersion {
    /** Each thread makes its own client the first time it needs one. */
    private static final ThreadLocal<HttpClient> THREAD_LOCAL = new ThreadLocal<>();

    private ThreadingVersion() {
    }

    static HttpClient getSession() {
        HttpClient session = THREAD_LOCAL.get();
        if (session == null) {
            session = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            THREAD_LOCAL.set(session);
        }
        return session;
    }

    static void downloadSite(String url) {
        try {
            HttpResponse<byte[]> response = getSession().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            System.out.println("Read " + response.body().length + " from " + url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading " + url, e);
        }
    }

    /** Python's {@code executor.map(download_site, sites)} in a {@code with} block: waits for all. */
    static void downloadAllSites(List<String> sites) throws InterruptedException, ExecutionException {
        ExecutorService executor = Executors.newFixedThreadPool(5);
        try {
            List<java.util.concurrent.Future<?>> jobs = new ArrayList<>();
            for (String url : sites) {
                jobs.add(executor.submit(() -> downloadSite(url)));
            }
            for (java.util.concurrent.Future<?> job : jobs) {
                job.get();
            }
        } finally {
            executor.shutdown();
        }
    }

    /** {@code [a, b] * times}: the two sites, repeated. */
    public static List<String> sites(LocalWebSite site, int times) {
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sites.add(site.url("/"));
            sites.add(site.url("/note"));
        }
        return sites;
    }

    public static void run(LocalWebSite site, int times) throws InterruptedException, ExecutionException {
        List<String> sites = sites(site, times);
        long startTime = System.nanoTime();
        downloadAllSites(sites);
        double duration = (System.nanoTime() - startTime) / 1e9;
        System.out.println("Downloaded " + sites.size() + " in " + duration + " seconds");
    }

    public static void main(String[] args) throws Exception {
        try (LocalWebSite site = LocalWebSite.start()) {
            run(site, 80);
        }
    }
}
