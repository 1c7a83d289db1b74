package io.jasyncio.samples;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tour is run by hand (it takes real time); this checks that it leaves no seed sample out. */
class TourTest {
    /** Simple names of the classes in a package of this module that have a {@code main(String[])}. */
    private static Set<String> runnable(String pkg) throws ClassNotFoundException, URISyntaxException {
        // the main classes' directory: the test classes have the same packages, first on the class path
        URL classes = Tour.class.getProtectionDomain().getCodeSource().getLocation();
        File dir = new File(new File(classes.toURI()), pkg.replace('.', File.separatorChar));
        Set<String> names = new TreeSet<>();
        for (String file : dir.list()) {
            if (!file.endsWith(".class") || file.contains("$")) {
                continue;
            }
            Class<?> c = Class.forName(pkg + "." + file.substring(0, file.length() - ".class".length()));
            try {
                Method main = c.getMethod("main", String[].class);
                if (Modifier.isStatic(main.getModifiers())) {
                    names.add(c.getSimpleName());
                }
            } catch (NoSuchMethodException e) {
                // a helper, not a sample
            }
        }
        return names;
    }

    @Test
    void everySeedSampleHasAStepInItsSeedsSection() throws Exception {
        List<Tour.Section> sections = Tour.sections();
        for (int seed = 0; seed <= 4; seed++) {
            Tour.Section section = sections.get(seed);
            assertTrue(section.heading().startsWith("seed 00" + seed), section.heading());
            Set<String> inTour = new TreeSet<>();
            for (Tour.Step step : section.steps()) {
                inTour.add(step.title().substring(0, step.title().indexOf(':')));
            }
            assertEquals(runnable("io.jasyncio.samples.seed" + seed), inTour, "seed " + seed);
        }
    }

    @Test
    void theBiggerSamplesComeLast() {
        List<String> titles = new ArrayList<>();
        List<Tour.Section> sections = Tour.sections();
        for (Tour.Step step : sections.get(sections.size() - 1).steps()) {
            titles.add(step.title().substring(0, step.title().indexOf(':')));
        }
        assertEquals(List.of("NotesService", "Crawler", "ChatDemo"), titles);
    }
}
