package dev.taskbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Fork;

/**
 * The direction of the house, checked on every build: the code under test knows nothing of the
 * harness; the harness reads results, then compares, then reports; the runner and the commands
 * sit on top; benchmarks (src/jmh) may use everything and nothing in src/main names them.
 * Packages form no cycles.
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

    @Test
    void layersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Base").definedBy(main("", "config"))
                .layer("Database").definedBy(main("db"))
                .layer("Declarations").definedBy(main("declare"))
                .layer("CodeUnderTest").definedBy(main("form", "loop", "pool", "write", "server"))
                .layer("Results").definedBy(main("results"))
                .layer("Compare").definedBy(main("compare"))
                .layer("Findings").definedBy(main("findings"))
                .layer("Report").definedBy(main("report"))
                .layer("Flags").definedBy(main("flags"))
                .layer("History").definedBy(main("history"))
                .layer("Ceiling").definedBy(main("ceiling"))
                .layer("Runner").definedBy(main("runner"))
                .layer("Commands").definedBy(main("cli", "seed"))
                .layer("Maven").definedBy(main("maven"))
                .layer("Benchmarks").definedBy(BENCHMARKS)
                .whereLayer("Benchmarks").mayNotBeAccessedByAnyLayer()
                .whereLayer("Maven").mayNotBeAccessedByAnyLayer()
                .whereLayer("Commands").mayOnlyBeAccessedByLayers("Maven")
                .whereLayer("Runner").mayOnlyBeAccessedByLayers("Maven", "Benchmarks")
                .whereLayer("Ceiling").mayOnlyBeAccessedByLayers("Runner", "Commands", "Maven", "Benchmarks")
                .whereLayer("Flags").mayOnlyBeAccessedByLayers("Runner", "Commands", "Maven")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Runner", "Commands", "Maven")
                .whereLayer("Findings").mayOnlyBeAccessedByLayers("Report", "Runner", "Commands", "Maven")
                .whereLayer("History").mayOnlyBeAccessedByLayers("Report", "Runner", "Commands", "Maven")
                .whereLayer("Compare").mayOnlyBeAccessedByLayers("History", "Findings", "Report", "Runner", "Commands", "Maven")
                .whereLayer("Results").mayOnlyBeAccessedByLayers("Compare", "History", "Findings", "Report", "Ceiling", "Runner",
                        "Commands", "Maven")
                .whereLayer("CodeUnderTest").mayOnlyBeAccessedByLayers("Ceiling", "Runner", "Commands", "Maven", "Benchmarks")
                .whereLayer("Declarations").mayOnlyBeAccessedByLayers("Findings", "Ceiling", "Runner", "Commands",
                        "Benchmarks")
                .check(classes);
    }

    @Test
    void codeUnderTestKnowsNothingOfTheHarness() {
        noClasses().that(main("form", "loop", "pool", "write", "server"))
                .should().dependOnClassesThat(main("config", "declare", "results", "compare", "findings", "report", "flags", "ceiling",
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
     * Commands read their settings once and never publish them as system properties. One JVM
     * switch is exempt: the charts turn AWT headless before drawing, which no setting replaces.
     */
    @Test
    void settingsAreReadNeverWritten() {
        noClasses().that(mainAnywhere()).and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Charts")))
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
