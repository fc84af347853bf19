/** Where in a table a cell stands, built one way for every claim read from a table. */
import type { Table, TableCell, TableRow } from "../document/types.ts";
import type { TablePlace } from "./types.ts";

/**
 * A cell's place: its table, its row (index and label) and its column (1-based index, column 1
 * being the row label, and the header cell above it).
 */
export function tablePlace(table: Table, row: TableRow, cell: TableCell): TablePlace {
  return {
    table: table.index,
    rowIndex: row.index,
    rowLabel: row.label.display.text,
    columnIndex: cell.columnIndex,
    columnLabel: table.header[cell.columnIndex - 1]?.display.text ?? "",
  };
}
