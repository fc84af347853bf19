// `claimgraph query`'s table through the command: whole cells when standard output is not a
// terminal (a script reading a pipe gets every character), cells cut at 60 columns on a
// terminal, and `--max-width N` (0: never cut) overrules both.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Io } from "../../src/cli/output.ts";
import { removeTempDirs, tempDir } from "../helpers/cli.ts";

const LONG = `${"東京".repeat(30)} ${"word ".repeat(20)}end`;
let kb: string;

beforeAll(() => {
  kb = join(tempDir(), "long.ttl");
  writeFileSync(kb, `<https://example.org/s> <https://example.org/p> "${LONG}" .\n`);
});

afterAll(removeTempDirs);

/** The query's table, printed to a terminal or not. */
async function table(terminal: boolean, flags: readonly string[] = []): Promise<string> {
  let out = "";
  const io: Io = {
    out: (t) => {
      out += `${t}\n`;
    },
    err: () => {},
    terminal,
  };
  const code = await main(["query", "--kb", kb, ...flags, "SELECT ?o WHERE { ?s ?p ?o }"], io);
  expect(code).toBe(0);
  return out.split("\n")[2] ?? "";
}

describe("query --format table", () => {
  it("prints whole cells when piped, cuts them at 60 columns on a terminal", async () => {
    expect(await table(false)).toBe(LONG);
    const cut = await table(true);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThan(LONG.length);
  });

  it("--max-width N cuts at N columns, --max-width 0 never", async () => {
    // Nine two-column characters and the ellipsis: 19 columns, as a tenth would make 21.
    expect(await table(false, ["--max-width", "20"])).toBe(`${"東京".repeat(4)}東…`);
    expect(await table(true, ["--max-width", "0"])).toBe(LONG);
  });
});
