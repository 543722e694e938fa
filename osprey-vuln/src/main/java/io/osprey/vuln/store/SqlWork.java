package io.osprey.vuln.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with the store's connection inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException, java.io.IOException;
}
