package io.osprey.vuln.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers rows for one table and writes them with multi-row {@code INSERT ... VALUES (...), (...)} statements:
 * DuckDB executes one statement of many rows far faster than many one-row statements.
 */
final class RowBatch implements AutoCloseable {
    private static final int ROWS_PER_STATEMENT = 256;

    private final Connection connection;
    private final String insertPrefix;
    private final String rowPlaceholders;
    private final int columns;
    private final List<Object[]> rows = new ArrayList<>();
    private PreparedStatement fullStatement;

    RowBatch(Connection connection, String table, String... columnNames) {
        this.connection = connection;
        this.columns = columnNames.length;
        this.insertPrefix = "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ";
        this.rowPlaceholders = "(" + "?, ".repeat(columns - 1) + "?)";
    }

    void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        rows.add(values);
        if (rows.size() == ROWS_PER_STATEMENT) {
            if (fullStatement == null) {
                fullStatement = connection.prepareStatement(sql(ROWS_PER_STATEMENT));
            }
            execute(fullStatement);
        }
    }

    void flush() throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement p = connection.prepareStatement(sql(rows.size()))) {
            execute(p);
        }
    }

    private void execute(PreparedStatement p) throws SQLException {
        int index = 1;
        for (Object[] row : rows) {
            for (Object value : row) {
                p.setObject(index++, value);
            }
        }
        p.executeUpdate();
        rows.clear();
    }

    private String sql(int rowCount) {
        StringBuilder sql = new StringBuilder(insertPrefix.length() + rowCount * (rowPlaceholders.length() + 2));
        sql.append(insertPrefix);
        for (int i = 0; i < rowCount; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(rowPlaceholders);
        }
        return sql.toString();
    }

    @Override
    public void close() throws SQLException {
        flush();
        if (fullStatement != null) {
            fullStatement.close();
        }
    }
}
