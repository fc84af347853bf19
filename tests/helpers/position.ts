// Where a piece of text stands in a document, as claimgraph reports positions.

/** `at(line, text)`: "line:column" of `text` on a line of `lines`, the column in code points. */
export function positionsIn(lines: readonly string[]): (line: number, text: string) => string {
  return (line, text) => {
    const raw = lines[line - 1] ?? "";
    const index = raw.indexOf(text);
    if (index === -1) throw new Error(`"${text}" is not on line ${line}`);
    return `${line}:${[...raw.slice(0, index)].length + 1}`;
  };
}
