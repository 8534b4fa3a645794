package dev.taskbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

/**
 * The direction of the house, checked on every build: the code under test, and the load generator
 * below it, know nothing of the harness; the harness reads results, then compares, then reports;
 * the runner and the commands sit on top; benchmarks (src/jmh) may use everything and nothing in
 * src/main names them. Packages form no cycles, and every package is in a layer.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Path JMH = Path.of("src", "jmh", "java");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /** Where a class's source lives, by its top-level class's file. */
    private static boolean sourceIn(JavaClass c, Path root) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return Files.exists(root.resolve(top.getPackageName().replace('.', '/')).resolve(top.getSimpleName() + ".java"));
    }

    private static DescribedPredicate<JavaClass> main(String... packages) {
        return DescribedPredicate.describe("src/main classes in " + String.join(", ", packages),
                c -> sourceIn(c, MAIN) && inAny(c.getPackageName(), packages));
    }

    private static boolean inAny(String pkg, String... packages) {
        for (String p : packages) {
            String full = p.isEmpty() ? "dev.taskbench" : "dev.taskbench." + p;
            if (pkg.equals(full) || !p.isEmpty() && pkg.startsWith(full + ".")) {
                return true;
            }
        }
        return false;
    }

    private static final DescribedPredicate<JavaClass> BENCHMARKS = DescribedPredicate.describe(
            "benchmarks and their generated code",
            c -> c.getPackageName().startsWith("dev.taskbench") && (sourceIn(c, JMH) || c.getPackageName().contains("jmh_generated")));

    /**
     * Each layer's src/main packages (with their subpackages), bottom up; "" is dev.taskbench
     * itself. One table, so that {@link #everyPackageIsInALayer} sees what the layers see.
     */
    private static final Map<String, String[]> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("Base", new String[] {"", "config"});
        LAYERS.put("Database", new String[] {"db"});
        // The harness's stand-ins for the network between the suite and its peers (nginx in front,
        // a misbehaving TCP hop to the database): they know the database's address, and only
        // the runner and the commands put them in a run's path.
        LAYERS.put("Network", new String[] {"net"});
        LAYERS.put("Declarations", new String[] {"declare"});
        LAYERS.put("Load", new String[] {"load"});
        LAYERS.put("CodeUnderTest", new String[] {"form", "loop", "pool", "write", "server"});
        LAYERS.put("Results", new String[] {"results"});
        LAYERS.put("Compare", new String[] {"compare"});
        // What the JIT did in a fork, read from JFR and compared fork against fork: the runner's,
        // which stores what it finds in the run's metadata for the reports.
        LAYERS.put("Jit", new String[] {"jit"});
        // Whether a row's forks can be trusted (steady state, modes, suspects, what it can detect):
        // statistics on results, under the findings, reports and runner that print and act on them.
        LAYERS.put("Stability", new String[] {"stability"});
        LAYERS.put("Findings", new String[] {"findings"});
        LAYERS.put("Report", new String[] {"report"});
        LAYERS.put("Flags", new String[] {"flags"});
        LAYERS.put("History", new String[] {"history"});
        LAYERS.put("Ceiling", new String[] {"ceiling"});
        LAYERS.put("Runner", new String[] {"runner"});
        LAYERS.put("Commands", new String[] {"cli", "seed"});
        LAYERS.put("Maven", new String[] {"maven"});
    }

    @Test
    void layersPointOneWay() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Map.Entry<String, String[]> layer : LAYERS.entrySet()) {
            layers = layers.layer(layer.getKey()).definedBy(main(layer.getValue()));
        }
        layers
                .layer("Benchmarks").definedBy(BENCHMARKS)
                .whereLayer("Benchmarks").mayNotBeAccessedByAnyLayer()
                .whereLayer("Maven").mayNotBeAccessedByAnyLayer()
                .whereLayer("Commands").mayOnlyBeAccessedByLayers("Maven")
                .whereLayer("Runner").mayOnlyBeAccessedByLayers("Maven", "Benchmarks")
                .whereLayer("Ceiling").mayOnlyBeAccessedByLayers("Runner", "Commands", "Maven", "Benchmarks")
                .whereLayer("Flags").mayOnlyBeAccessedByLayers("Runner", "Commands", "Maven")
                .whereLayer("Jit").mayOnlyBeAccessedByLayers("Runner", "Commands", "Maven")
                .whereLayer("Network").mayOnlyBeAccessedByLayers("Runner", "Commands", "Maven", "Benchmarks")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Runner", "Commands", "Maven")
                .whereLayer("Findings").mayOnlyBeAccessedByLayers("Report", "Runner", "Commands", "Maven")
                .whereLayer("History").mayOnlyBeAccessedByLayers("Report", "Runner", "Commands", "Maven")
                .whereLayer("Stability").mayOnlyBeAccessedByLayers("History", "Findings", "Report", "Runner", "Commands",
                        "Maven")
                .whereLayer("Compare").mayOnlyBeAccessedByLayers("Stability", "History", "Findings", "Report", "Runner",
                        "Commands", "Maven")
                .whereLayer("Results").mayOnlyBeAccessedByLayers("Compare", "Stability", "History", "Findings", "Report",
                        "Ceiling", "Runner", "Commands", "Maven")
                .whereLayer("CodeUnderTest").mayOnlyBeAccessedByLayers("Ceiling", "Runner", "Commands", "Maven", "Benchmarks")
                .whereLayer("Load").mayOnlyBeAccessedByLayers("CodeUnderTest", "Ceiling", "Runner", "Commands", "Maven",
                        "Benchmarks")
                // results reads which rows drive PostgreSQL from an older run's benchmark declarations
                .whereLayer("Declarations").mayOnlyBeAccessedByLayers("Results", "Findings", "Report", "Ceiling", "Runner",
                        "Commands", "Benchmarks")
                .check(classes);
    }

    /**
     * A layer rule that considers only dependencies in layers says nothing of a package in no
     * layer: a new package fails here until it is placed.
     */
    @Test
    void everyPackageIsInALayer() throws IOException {
        String[] placed = LAYERS.values().stream().flatMap(Arrays::stream).toArray(String[]::new);
        Path root = MAIN.resolve("dev").resolve("taskbench");
        List<String> unplaced;
        try (Stream<Path> files = Files.walk(root)) {
            unplaced = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> MAIN.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                    .distinct().filter(pkg -> !inAny(pkg, placed)).sorted().toList();
        }
        assertTrue(unplaced.isEmpty(), () -> "in no layer, so no layer rule checks their imports: " + String.join(", ", unplaced)
                + "; place each in ArchitectureTest.LAYERS and say which layers may use it");
    }

    /** The load generator below the server knows nothing of the harness either. */
    @Test
    void codeUnderTestKnowsNothingOfTheHarness() {
        noClasses().that(main("form", "loop", "pool", "write", "server", "load"))
                .should().dependOnClassesThat(main("config", "net", "declare", "results", "compare", "findings", "report", "flags", "ceiling",
                        "runner", "cli", "seed", "history", "maven"))
                .check(classes);
    }

    /** Among src/main's packages; benchmarks share package names with what they measure and sit above it all. */
    @Test
    void packagesFormNoCycles() {
        slices().matching("dev.taskbench.(*)..").should().beFreeOfCycles().check(classes.that(mainAnywhere()));
    }

    @Test
    void nothingInMainNamesABenchmarkClass() {
        noClasses().that(main("")).or(mainAnywhere()).should().dependOnClassesThat(BENCHMARKS).check(classes);
    }

    private static DescribedPredicate<JavaClass> mainAnywhere() {
        return DescribedPredicate.describe("src/main classes", c -> sourceIn(c, MAIN));
    }

    /**
     * Commands read their settings once and never publish them as system properties. Two JVM
     * switches are exempt, each the JDK's only way: the charts turn AWT headless before drawing, and
     * the JDK HTTP client's keep-alive is read from a system property alone (no builder method).
     */
    @Test
    void settingsAreReadNeverWritten() {
        noClasses().that(mainAnywhere()).and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Charts")))
                .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("JdkClient")))
                .should().callMethod(System.class, "setProperty", String.class, String.class)
                .check(classes);
    }

    /** Two classes named Options beside JMH's own made every import a question. */
    @Test
    void noClassInMainIsCalledOptions() {
        noClasses().that(mainAnywhere()).should().haveSimpleName("Options").check(classes);
    }

    @Test
    void forksAreTheProfilesNotTheBenchmarks() {
        noClasses().that(BENCHMARKS).should().beAnnotatedWith(Fork.class).check(classes);
        noMethods().that().areDeclaredInClassesThat(BENCHMARKS).should().beAnnotatedWith(Fork.class).check(classes);
    }
}
