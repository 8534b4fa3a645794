package dev.taskbench.runner;

import dev.taskbench.TaskbenchException;
import dev.taskbench.config.ProjectPaths;
import dev.taskbench.config.Settings;
import dev.taskbench.config.SettingsCatalogue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user asked for, read from {@code -D} settings: the profile, JMH's own options
 * ({@code jmh.args}, {@code jmh.include}) and where results go.
 */
public record RunRequest(Profile profile, List<String> jmhArgs, String include, Path resultsDir) {

    public static final String PROFILE = SettingsCatalogue.PROFILE.key();
    public static final String JMH_ARGS = "jmh.args";
    public static final String JMH_INCLUDE = "jmh.include";
    public static final String RESULTS_DIR = SettingsCatalogue.RESULTS.key();

    public RunRequest {
        jmhArgs = List.copyOf(jmhArgs);
    }

    public static RunRequest from(Settings s) {
        return new RunRequest(
                Profile.parse(s.get(SettingsCatalogue.PROFILE)),
                tokenize(s.get(JMH_ARGS, null)),
                s.get(JMH_INCLUDE, null),
                resultsDir(s));
    }

    /** {@code -Dtaskbench.results} (or {@code TASKBENCH_RESULTS}), default {@code results}; relative to the project. */
    public static Path resultsDir(Settings s) {
        return ProjectPaths.resultsDir(s);
    }

    /** Splits a command line the way a shell would for the simple cases: blanks, single and double quotes. */
    public static List<String> tokenize(String line) {
        List<String> out = new ArrayList<>();
        if (line == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new TaskbenchException("unbalanced quote in -D" + JMH_ARGS + ": " + line);
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }
}
