// Independent readers for the exported tables, written from their specifications rather than
// from claimgraph's writers: a strict RFC 4180 CSV reader (CRLF records, quoted fields with
// doubled quotes, every record as wide as the header; anything else throws) and a KGX TSV
// reader (a header of column names, tab-separated fields, no quoting; every row as wide as
// the header; the columns a KGX file must have checked).

/** The records of an RFC 4180 text, header first; throws where the text breaks the grammar. */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const [record, next] = readRecord(text, i);
    records.push(record);
    i = next;
  }
  const width = records[0]?.length ?? 0;
  records.forEach((r, k) => {
    if (r.length !== width) throw new Error(`record ${k + 1} has ${r.length} fields, not ${width}`);
  });
  return records;
}

function readRecord(text: string, start: number): [string[], number] {
  const fields: string[] = [];
  let i = start;
  for (;;) {
    const [field, next] = text[i] === '"' ? quoted(text, i) : plain(text, i);
    fields.push(field);
    i = next;
    if (text.startsWith("\r\n", i)) return [fields, i + 2];
    if (text[i] !== ",")
      throw new Error(`at ${i}: expected a comma or CRLF, found ${JSON.stringify(text[i])}`);
    i++;
  }
}

function quoted(text: string, start: number): [string, number] {
  let value = "";
  let i = start + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) throw new Error(`at ${start}: a quoted field is not closed`);
    value += text.slice(i, q);
    if (text[q + 1] !== '"') return [value, q + 1];
    value += '"';
    i = q + 2;
  }
}

function plain(text: string, start: number): [string, number] {
  let i = start;
  while (i < text.length && text[i] !== "," && text[i] !== "\r") {
    if (text[i] === '"' || text[i] === "\n") throw new Error(`at ${i}: a bare quote or line feed`);
    i++;
  }
  return [text.slice(start, i), i];
}

/** A KGX TSV file's rows as column → value; throws on a missing required column or a ragged row. */
export function readKgxTsv(text: string, required: readonly string[]): Record<string, string>[] {
  if (!text.endsWith("\n")) throw new Error("the file does not end with a line feed");
  const [head, ...lines] = text.slice(0, -1).split("\n");
  const columns = (head ?? "").split("\t");
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new Error(`missing KGX columns: ${missing.join(", ")}`);
  return lines.map((line, k) => {
    const fields = line.split("\t");
    if (fields.length !== columns.length)
      throw new Error(`row ${k + 2} has ${fields.length} fields, not ${columns.length}`);
    return Object.fromEntries(columns.map((c, j) => [c, fields[j] as string]));
  });
}
