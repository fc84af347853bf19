/** The fidelity score for people (aligned columns) and for scripts (`--json`). */
import { type Fidelity, SETS } from "./fidelity.ts";
import { type KindScore, ratios, type Score } from "./match.ts";
import { describeRow, KINDS } from "./rows.ts";

function pct(v: number | undefined): string {
  return v === undefined ? "   -" : `${Math.round(v * 100)}%`.padStart(4);
}

function cell(k: KindScore): string {
  const { precision, recall } = ratios(k);
  return `${pct(precision)} ${pct(recall)} ${`${k.matched}/${k.gold}/${k.observed}`.padStart(10)}`;
}

export function renderText(result: Fidelity, verbose: boolean): string {
  const out: string[] = [];
  out.push(`fidelity over ${result.documents.length - 1} corpus documents and the seed`);
  out.push("(P precision, R recall, matched/gold/observed rows)");
  out.push("");
  out.push(`${"kind".padEnd(12)}${SETS.map((s) => s.padEnd(28)).join("")}`);
  out.push(`${"".padEnd(12)}${SETS.map(() => "   P    R  m/gold/obs   ".padEnd(28)).join("")}`);
  const totals = Object.fromEntries(SETS.map((s) => [s, total(result.sets[s])]));
  for (const kind of KINDS) {
    out.push(
      `${kind.padEnd(12)}${SETS.map((s) => cell(result.sets[s].kinds[kind]).padEnd(28)).join("")}`,
    );
  }
  out.push(
    `${"all".padEnd(12)}${SETS.map((s) => cell(totals[s] as KindScore).padEnd(28)).join("")}`,
  );
  out.push("");
  out.push(
    `wrong asserted triples: ${SETS.map((s) => `${s} ${result.sets[s].wrong.length}`).join(", ")}`,
  );
  for (const d of result.buildErrors)
    out.push(`build error: ${d.file}:${d.line}:${d.column}: ${d.code}: ${d.message}`);
  for (const p of result.problems) out.push(`gold problem: ${p.file}:${p.line}: ${p.message}`);
  if (verbose) {
    for (const s of SETS) {
      const sc = result.sets[s];
      out.push("", `== ${s}: wrong asserted triples (${sc.wrong.length})`);
      for (const w of sc.wrong) out.push(`  ${describeRow(w.row)}\n      ${w.reason}`);
      out.push("", `== ${s}: missed gold rows (${sc.misses.length})`);
      for (const r of sc.misses) out.push(`  ${describeRow(r)}`);
      out.push("", `== ${s}: false hits (${sc.falseHits.length})`);
      for (const r of sc.falseHits) out.push(`  ${describeRow(r)}`);
    }
  }
  return out.join("\n");
}

function total(s: Score): KindScore {
  return KINDS.reduce(
    (acc, k) => ({
      gold: acc.gold + s.kinds[k].gold,
      observed: acc.observed + s.kinds[k].observed,
      matched: acc.matched + s.kinds[k].matched,
    }),
    { gold: 0, observed: 0, matched: 0 },
  );
}

/** Counts with precision and recall; null where there was nothing to count. */
function withRatios(k: KindScore) {
  const { precision, recall } = ratios(k);
  return { ...k, precision: precision ?? null, recall: recall ?? null };
}

export function renderJson(result: Fidelity, verbose: boolean): string {
  const set = (s: Score) => ({
    kinds: Object.fromEntries(KINDS.map((k) => [k, withRatios(s.kinds[k])])),
    all: withRatios(total(s)),
    wrong: s.wrong.length,
    ...(verbose
      ? {
          wrongTriples: s.wrong.map((w) => ({ row: describeRow(w.row), reason: w.reason })),
          misses: s.misses.map(describeRow),
          falseHits: s.falseHits.map(describeRow),
        }
      : {}),
  });
  return JSON.stringify(
    {
      documents: result.documents,
      sets: Object.fromEntries(SETS.map((s) => [s, set(result.sets[s])])),
      buildErrors: result.buildErrors,
      problems: result.problems,
    },
    null,
    2,
  );
}
