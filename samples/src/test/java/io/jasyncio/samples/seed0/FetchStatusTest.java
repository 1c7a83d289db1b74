package io.jasyncio.samples.seed0;

import io.jasyncio.samples.Run;
import io.jasyncio.samples.web.LocalWebSite;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FetchStatusTest {
    @Test
    void bothPagesAreFetchedOverLoopback() {
        try (LocalWebSite site = LocalWebSite.start()) {
            Run.Result run = Run.virtual(FetchStatus.main(List.of(site.url("/"), site.url("/note"))));
            assertEquals(List.of("status: 200", "status: 200"), run.lines());
            assertEquals(2, site.requestCount());
        }
    }

    @Test
    void aMissingPageReportsItsStatus() {
        try (LocalWebSite site = LocalWebSite.start()) {
            Run.Result run = Run.virtual(FetchStatus.main(List.of(site.url("/missing"))));
            assertEquals(List.of("status: 404"), run.lines());
        }
    }

    @Test
    void theTryFinallyVariantPrintsTheBareStatus() {
        try (LocalWebSite site = LocalWebSite.start()) {
            Run.Result run = Run.virtual(FetchStatusTryFinally.main(List.of(site.url("/"), site.url("/note"))));
            assertEquals(List.of("200", "200"), run.lines());
        }
    }
}
