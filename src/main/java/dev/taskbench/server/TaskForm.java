package dev.taskbench.server;

import dev.taskbench.form.FormFields;
import dev.taskbench.form.FormLimitExceededException;
import dev.taskbench.form.FormParser;
import dev.taskbench.write.Task;
import org.eclipse.jetty.http.MimeTypes;

/**
 * What every server checks of a {@code POST /api/tasks} before the database is touched, and the
 * answers it gives, so that the models answer the same request the same way: the route, the
 * method, the content type, the charset, the body's size, and the two fields the table can hold.
 */
final class TaskForm {
    static final String FORM = "application/x-www-form-urlencoded";
    /** {@code task.title} is {@code varchar(255)}. */
    static final int MAX_TITLE_CHARS = 255;
    /** 404's JSON. */
    static final String NOT_FOUND = "{\"error\":\"not found\"}";
    /** 405's JSON. */
    static final String USE_POST = "{\"error\":\"use POST\"}";
    /** 400's JSON for a body that is not a form. */
    static final String NOT_A_FORM = "{\"error\":\"content type must be " + FORM + "\"}";
    /** 415's JSON. */
    static final String NOT_UTF8 = "{\"error\":\"charset must be UTF-8\"}";

    /** A body's row, or the status and JSON that refuse it ({@code task} null). */
    record Parsed(Task task, int status, String refusal) {
    }

    private TaskForm() {
    }

    /** Whether a {@code Content-Type} value is a form, parameters ignored. */
    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mime = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        return mime.equalsIgnoreCase(FORM);
    }

    /**
     * Whether the form's bytes are UTF-8, the only charset the parser decodes: no charset stated
     * (a form's percent-escapes are UTF-8 unless said otherwise) or {@code charset=UTF-8}. Any
     * other is refused (415) rather than stored misread.
     */
    static boolean isUtf8(String contentType) {
        if (contentType.indexOf(';') < 0) {
            return true;
        }
        String charset = MimeTypes.getCharsetFromContentType(contentType);
        return charset == null || charset.equalsIgnoreCase("utf-8");
    }

    /** 413's JSON. */
    static String tooLarge(long limit) {
        return "{\"error\":\"body over " + limit + " bytes\"}";
    }

    /**
     * The row of a whole body, or why not: 413 over the parser's byte limit, 400 over its field
     * limit or for a form the table cannot take ({@link #refusal}).
     */
    static Parsed parse(FormParser parser, byte[] body, int size) {
        FormFields form;
        try {
            form = parser.parse(body, 0, size);
        } catch (FormLimitExceededException e) {
            return FormLimitExceededException.MAX_BODY_BYTES.equals(e.limitName())
                    ? new Parsed(null, 413, tooLarge(e.limit()))
                    : new Parsed(null, 400, "{\"error\":\"more than " + e.limit() + " fields\"}");
        }
        String refused = refusal(form);
        return refused != null ? new Parsed(null, 400, refused) : new Parsed(task(form), 0, null);
    }

    /** The 400 answer's JSON for a form the table cannot take as it is, or null when it can. */
    private static String refusal(FormFields form) {
        String title = form.first("title");
        String description = form.first("description");
        if (title == null || description == null) {
            return "{\"error\":\"missing field: " + (title == null ? "title" : "description") + "\"}";
        }
        if (title.indexOf(0) >= 0 || description.indexOf(0) >= 0) {
            // PostgreSQL text cannot hold NUL; refused here, it would fail the statement or, inlined
            // as a literal (jOOQ's static statements), break the protocol and the connection
            return "{\"error\":\"fields must not contain NUL\"}";
        }
        if (title.length() > MAX_TITLE_CHARS && title.codePointCount(0, title.length()) > MAX_TITLE_CHARS) {
            return "{\"error\":\"title longer than " + MAX_TITLE_CHARS + " characters\"}";
        }
        return null;
    }

    /** The row of a form {@link #refusal} accepted. */
    private static Task task(FormFields form) {
        return new Task(form.first("title"), form.first("description"));
    }
}
