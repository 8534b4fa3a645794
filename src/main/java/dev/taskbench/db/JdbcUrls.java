package dev.taskbench.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Small, strict helpers for PostgreSQL JDBC URLs ({@code jdbc:postgresql://host:port/db?k=v&...}). */
public final class JdbcUrls {
    private static final String PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");
    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/(.*)");
    /** PostgreSQL's port when a URL names none. */
    public static final int DEFAULT_PORT = 5432;

    private JdbcUrls() {
    }

    /** Rejects anything that is not a PostgreSQL JDBC URL, with a message saying what is expected. */
    public static String requirePostgres(String url, String origin) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new dev.taskbench.TaskbenchException(origin + " must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/test, but was: " + (url == null ? "(nothing)" : redact(url)));
        }
        return url;
    }

    /**
     * Where a single-host URL points: {@code host}, {@code port} ({@value #DEFAULT_PORT} when it names
     * none) and {@code tail}, everything after the host's slash (the database and any parameters).
     */
    public record Target(String host, int port, String tail) {
        /** The database, the tail without its parameters. */
        public String database() {
            int q = tail.indexOf('?');
            return q < 0 ? tail : tail.substring(0, q);
        }
    }

    /** The target of a {@code jdbc:postgresql://host[:port]/database[?...]} URL, or null for any other shape. */
    public static Target target(String url) {
        java.util.regex.Matcher m = HOST_PORT.matcher(url);
        if (!m.matches()) {
            return null;
        }
        return new Target(m.group(1), m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2)), m.group(3));
    }

    /** Query parameters of the URL, in order; keys as written. */
    public static Map<String, String> params(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String piece : url.substring(q + 1).split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            out.put(eq < 0 ? piece : piece.substring(0, eq), eq < 0 ? "" : piece.substring(eq + 1));
        }
        return out;
    }

    public static boolean hasParam(String url, String key) {
        return params(url).keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key));
    }

    /** Appends {@code key=value} unless the URL already sets {@code key}. */
    public static String withDefault(String url, String key, String value) {
        if (hasParam(url, key)) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : "&") + key + "=" + value;
    }

    /**
     * pgjdbc's default {@code sslmode=prefer} silently adds TLS on TCP; the suite measures
     * plain loopback unless the user's URL asks for something else.
     */
    public static String withSslDefault(String url) {
        return withDefault(url, "sslmode", "disable");
    }

    /** The same server with another database name. */
    public static String withDatabase(String url, String database) {
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q);
        String path = q < 0 ? rest : rest.substring(0, q);
        int slash = path.startsWith("//") ? path.indexOf('/', 2) : -1;
        String hostPart = slash < 0 ? path : path.substring(0, slash);
        return PREFIX + hostPart + "/" + database + query;
    }

    public static String redact(String url) {
        return url == null ? null : PASSWORD.matcher(url).replaceAll("$1***");
    }
}
