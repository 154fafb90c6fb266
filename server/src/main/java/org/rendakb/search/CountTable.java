package org.rendakb.search;

import java.util.List;

/**
 * Documents counted by two facet dimensions.
 *
 * @param rowsField the dimension whose values are the rows
 * @param colsField the dimension whose values are the columns
 * @param counts {@code counts[i][j]}: the documents with row value i and column value j
 * @param rowTotals per row, its documents (any column value or none)
 * @param colTotals per column, its documents (any row value or none)
 * @param total the documents the filters select, with or without a value of either dimension
 */
public record CountTable(String rowsField, String colsField, List<String> rows, List<String> cols, long[][] counts,
    long[] rowTotals, long[] colTotals, long total) {}
