package io.osprey.vuln.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/** Conversions between Java values and the SQL text DuckDB casts on insert, and batched deletes by key. */
final class Sql {
    static final int KEYS_PER_STATEMENT = 512;

    private Sql() {
    }

    /** Timestamps travel as ISO text: DuckDB casts it on insert, and it has no time zone to shift. */
    static String text(LocalDateTime t) {
        return t == null ? null : t.toString();
    }

    static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static LocalDateTime dateTime(String text) {
        return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
    }

    static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text.substring(0, 10));
    }

    static void deleteWhereIn(Connection c, String table, String column, Collection<String> keys)
            throws SQLException {
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT));
            String sql = "DELETE FROM " + table + " WHERE " + column + " IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    p.setString(i + 1, chunk.get(i));
                }
                p.executeUpdate();
            }
        }
    }

    static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }
}
