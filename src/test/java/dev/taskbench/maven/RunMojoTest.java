package dev.taskbench.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Beside a baseline jar the candidate's runner, and so its forks, run from the candidate's own uber-jar. */
class RunMojoTest {

    @Test
    void besideABaselineJarTheCandidateRunsFromItsOwnFreshJar(@TempDir Path target) throws Exception {
        MavenProject project = new MavenProject();
        project.getBuild().setDirectory(target.toString());
        project.getBuild().setOutputDirectory(target.resolve("classes").toString());
        Path compiled = Files.writeString(Files.createDirectories(target.resolve("classes/dev")).resolve("A.class"), "a");
        Properties user = new Properties();
        RunMojo goal = new RunMojo();
        assertTrue(goal.classpath(project, user).stream().noneMatch(e -> e.endsWith(RunMojo.CANDIDATE_JAR)),
                "alone: the project's runtime classpath");

        user.setProperty("taskbench.baseline.jar", "../baseline/target/benchmarks.jar");
        String missing = assertThrows(MojoFailureException.class, () -> goal.classpath(project, user)).getMessage();
        assertTrue(missing.contains("benchmarks.jar is missing: run mvn package -DskipTests first"), missing);

        Path jar = Files.writeString(target.resolve(RunMojo.CANDIDATE_JAR), "jar");
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 60_000));
        Files.setLastModifiedTime(compiled, FileTime.fromMillis(now));
        String stale = assertThrows(MojoFailureException.class, () -> goal.classpath(project, user)).getMessage();
        assertTrue(stale.contains("benchmarks.jar is older than"), stale);

        Files.setLastModifiedTime(jar, FileTime.fromMillis(now + 1_000));
        assertEquals(List.of(jar.toString()), goal.classpath(project, user));
    }
}
