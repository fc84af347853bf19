// `npm run fuzz`: the document fuzz loop of tests/fuzz/documents.test.ts for as long as asked.
// Usage: tsx scripts/fuzz.ts [--seconds N | --cases N] [--seed S] [--shacl-every K]
// Stops at the first case that breaks the oracle, writes its bytes and a description beside each
// other under fuzz-failures/, and exits 1.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkCase, describeCase, fuzzCase, fuzzContext } from "../tests/helpers/mutate.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string" },
    cases: { type: "string" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
    "shacl-every": { type: "string", default: "50" },
    out: { type: "string", default: "fuzz-failures" },
  },
});
const seed = Number(values.seed);
const cases = values.cases ? Number(values.cases) : Number.POSITIVE_INFINITY;
const seconds = values.seconds ? Number(values.seconds) : values.cases ? Infinity : 300;
const shaclEvery = Number(values["shacl-every"]);

const ctx = fuzzContext();
const started = Date.now();
const counts = { built: 0, rejected: 0 };
let lastReport = started;
console.log(`fuzz: seed ${seed}, ${values.cases ? `${cases} cases` : `${seconds} s`}`);
for (let i = 0; i < cases && Date.now() - started < seconds * 1000; i++) {
  const c = fuzzCase(seed, i, ctx.originals);
  const outcome = await checkCase(c, ctx, i % shaclEvery === 0);
  if (outcome.kind === "bug") {
    mkdirSync(values.out, { recursive: true });
    const base = join(values.out, `seed-${seed}-case-${i}`);
    writeFileSync(`${base}-${c.file}`, c.bytes);
    writeFileSync(`${base}.txt`, `${describeCase(seed, c, outcome.problems)}\n`);
    console.error(describeCase(seed, c, outcome.problems));
    console.error(`fuzz: failing input written to ${base}-${c.file}`);
    process.exit(1);
  }
  counts[outcome.kind]++;
  if (Date.now() - lastReport > 5000) {
    lastReport = Date.now();
    const s = ((lastReport - started) / 1000).toFixed(0);
    console.log(
      `fuzz: ${i + 1} cases in ${s} s (${counts.built} built, ${counts.rejected} rejected)`,
    );
  }
}
const total = counts.built + counts.rejected;
const s = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `fuzz: ${total} cases in ${s} s, no failures (${counts.built} built, ${counts.rejected} rejected)`,
);
