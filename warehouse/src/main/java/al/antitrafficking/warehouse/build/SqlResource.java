package al.antitrafficking.warehouse.build;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a SQL statement kept as a resource beside the class that runs it; each is read once, then kept. */
public final class SqlResource {
    private static final java.util.Map<String, String> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private SqlResource() {}

    public static String load(Class<?> owner, String name) {
        return LOADED.computeIfAbsent(owner.getName() + "/" + name, key -> read(owner, name));
    }

    /**
     * A statement with its {@code ${slot}}s filled. Slots take only names from allow-lists and text made by the
     * caller, never a value a user sent: those are bound. A slot left unfilled is an error.
     */
    public static String fill(String template, java.util.Map<String, String> slots) {
        String sql = template;
        for (java.util.Map.Entry<String, String> slot : slots.entrySet()) {
            sql = sql.replace("${" + slot.getKey() + "}", slot.getValue());
        }
        int open = sql.indexOf("${");
        if (open >= 0) {
            throw new IllegalStateException("Cannot make SQL: slot " + sql.substring(open, sql.indexOf('}', open) + 1) + " is not filled");
        }
        return sql;
    }

    private static String read(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Cannot load SQL: no resource " + name + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load SQL: " + name, e);
        }
    }
}
