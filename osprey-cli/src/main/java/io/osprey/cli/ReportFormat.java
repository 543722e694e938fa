package io.osprey.cli;

/** The output formats of `osprey scan`. */
enum ReportFormat {
    TABLE, JSON, CSV
}
