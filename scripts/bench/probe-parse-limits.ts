/**
 * The parser's time limits on hostile documents: inputs that were quadratic or worse (or
 * overflowed the stack) must parse in bounded time. tests/document/limits.test.ts checks what
 * they parse to; how long they take belongs to a machine, so it is measured here, by
 * `npm run bench`, and a limit missed is a FAIL there (exit 1 with --check). The limits are
 * generous: the old code took seconds to minutes on the same inputs, or threw.
 * run.mjs bundles this probe and runs it in a child process; it prints one JSON array.
 */
import { parseDocument } from "../../src/document/parse.ts";

const HEAD = [
  "# Limits: A Generated Test Document",
  "",
  "**Author:** Claimgraph Test Team. **Date:** March 2026",
  "",
  "Nortriptyline acts mainly at the norepinephrine transporter [1].",
  "",
];

const references = (n: number) =>
  Array.from({ length: n }, (_, i) => `${i + 1}. Reference monograph ${i + 1} [example.org]`);

function document(body: readonly string[], refs = 1): string {
  return [...HEAD, ...body, "", "## References", "", ...references(refs), ""].join("\n");
}

/** Each case: its name (as the test names it), the input, and its limit in milliseconds. */
const CASES: ReadonlyArray<readonly [string, () => string, number]> = [
  ["a 4 MB line of tabs", () => document([`a${"\t".repeat(4_000_000)}b`, "c\td"]), 2_000],
  ["100,000 reference entries", () => document([], 100_000), 5_000],
  [
    "a reference entry with 100,000 spaces",
    () => document([]).replace("[example.org]", `${" ".repeat(100_000)}x`),
    2_000,
  ],
  [
    "200,000 markers in one paragraph",
    () => document([`Many ${"[1] ".repeat(200_000)}markers.`]),
    10_000,
  ],
  [
    "50,000 table rows with markers",
    () =>
      document([
        "Feature\tDrug",
        ...Array.from({ length: 50_000 }, (_, i) => `Row ${i} [1]\tValue [1]`),
      ]),
    10_000,
  ],
  [
    "a heading with a million spaces",
    () => document([`## Section${" ".repeat(1_000_000)}Title ##`, "Text."]),
    2_000,
  ],
  [
    "20,000 paragraphs joined by blank lines",
    () => document(Array.from({ length: 20_000 }, () => "word and\n\nmore")),
    10_000,
  ],
];

const results = CASES.map(([name, make, limitMs]) => {
  const started = performance.now();
  // Making the input is timed too, as the tests did.
  parseDocument("limits.md", make());
  const ms = performance.now() - started;
  return { name, ms: Math.round(ms), limitMs, verdict: ms < limitMs ? "PASS" : "FAIL" };
});
process.stdout.write(`${JSON.stringify(results)}\n`);
