/**
 * The source uses only n3's public API: no file that imports n3 names a member starting with
 * `_` (n3's private methods, which change between its releases and would hold the project to
 * one version of n3, as `_tokenizeString`, `_parseLiteral` and `_syntaxError` once did).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../../src");

const IMPORTS_N3 = /\bfrom\s+["']n3["']|\brequire\(\s*["']n3["']\s*\)|\bimport\(\s*["']n3["']\s*\)/;
/** Block and line comments, which may name a private member to say it is not used. */
const COMMENTS = /\/\*[\s\S]*?\*\/|(?<![:"'`\\])\/\/[^\n]*/g;
/** A name starting with `_`: a member accessed, overridden, declared or written as a string. */
const PRIVATE_NAME = /(?<![\w$])_[A-Za-z$][\w$]*/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The names starting with `_` in the code (not the comments) of a file that imports n3. */
function privateN3Names(code: string): string[] {
  if (!IMPORTS_N3.test(code)) return [];
  return [...code.replace(COMMENTS, "").matchAll(PRIVATE_NAME)].map((m) => m[0]);
}

describe("n3's public API only", () => {
  it("no source file that imports n3 uses a member starting with _", () => {
    const found = sourceFiles(SRC).flatMap((file) =>
      privateN3Names(readFileSync(file, "utf8")).map((name) => `${relative(SRC, file)}: ${name}`),
    );
    expect(found).toEqual([]);
  });

  it("the scan sees n3 files at all, and a private member in the code", () => {
    const importing = sourceFiles(SRC).filter((f) => IMPORTS_N3.test(readFileSync(f, "utf8")));
    expect(importing.map((f) => relative(SRC, f))).toContain(
      join("rdf", "read", "guarded-parser.ts"),
    );
    const code = `import { Lexer } from "n3";\n// _inAComment\nlexer._tokenizeString(s, cb);`;
    expect(privateN3Names(code)).toEqual(["_tokenizeString"]);
  });
});
