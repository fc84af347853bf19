/**
 * `npm run fidelity`: builds the seed (with and without graph/curation) and every corpus
 * document (tests/fixtures/corpus/) through the pure core, turns what was built into rows
 * (`observed.ts`), matches them to the gold files (`match.ts`) and prints precision and
 * recall per kind, and the wrong asserted triples.
 * Usage: tsx scripts/fidelity/run.ts [--json] [--verbose] [--corpus DIR]
 * (--corpus scores DIR's documents as the corpus, e.g. tests/fixtures/holdout; the seed is
 * scored against its own gold in tests/fixtures/corpus whatever DIR is).
 * Exit code 0 whatever the score; 1 only when it cannot run (a gold file that does not parse).
 */
import { parseArgs } from "node:util";
import { fidelity } from "./fidelity.ts";
import { renderJson, renderText } from "./report.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    corpus: { type: "string" },
  },
});
const result = fidelity(values.corpus);
if (values.json) console.log(renderJson(result, values.verbose));
else console.log(renderText(result, values.verbose));
if (result.problems.length > 0) process.exit(1);
