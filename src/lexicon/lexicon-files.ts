/** The lexicon files of an ontology folder being read, and the problems found in them so far. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../base/errors.ts";
import { fieldDiagnostic, readTsv, type TsvRow } from "../base/tsv.ts";

type TsvRows = ReturnType<typeof readTsv>;

/** One lexicon file's path and rows. */
export interface LexiconFile {
  readonly file: string;
  readonly rows: TsvRows;
}

/** The ontology folder being read and the problems found in it so far. */
export class LexiconFiles {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly ontologyDir: string) {}

  /** Reads one TSV file of the ontology folder, requiring these columns. */
  read(name: string, required: readonly string[]): LexiconFile {
    const file = join(this.ontologyDir, name);
    return { file, rows: readTsv(file, readFileSync(file, "utf8"), required, this.diagnostics) };
  }

  /** Records a `LexiconError` in one column of a row of `file`. */
  err(file: string, row: TsvRow, column: string, message: string, hint: string): void {
    this.diagnostics.push(fieldDiagnostic(file, row, column, "LexiconError", message, hint));
  }
}
