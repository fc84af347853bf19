/**
 * The conflict rules and the support tiers of issue #15, read from `ontology/conflict-rules.tsv`
 * and `ontology/evidence-tiers.tsv` (data, not code: a curator changes a rule there). Every
 * row's problem is reported at once, with its line and column.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, InputError } from "../base/errors.ts";
import { ontologyDir } from "../base/paths.ts";
import { readTsv, type TsvRow } from "../base/tsv.ts";
import { CG } from "../rdf/vocab/vocabulary.ts";
import type { ConflictKind, SupportTier } from "./types.ts";

export const CONFLICT_RULES_FILE = "conflict-rules.tsv";
export const EVIDENCE_TIERS_FILE = "evidence-tiers.tsv";

const KINDS: readonly ConflictKind[] = [
  "FrequencyGap",
  "OppositeDirection",
  "EffectVersusNone",
  "PrimaryTargetDisagrees",
  "PublicRecordDisagrees",
];
const TIERS: readonly SupportTier[] = ["primary", "review", "tertiary", "consumer", "unknown"];
const ROWS = ["rule", "rank", "opposite", "none", "primary", "record"] as const;

export interface ConflictRule {
  readonly kind: ConflictKind;
  /** cg:<kind>Rule. */
  readonly iri: string;
  readonly label: string;
  /** FrequencyGap's least number of steps; 0 for the others. */
  readonly parameter: number;
}

export interface Rank {
  readonly scale: string;
  readonly step: number;
}

/** Every rule and the data it reads, keyed by local names (predicates, frequencies). */
export interface ConflictRules {
  readonly rules: ReadonlyMap<ConflictKind, ConflictRule>;
  readonly ranks: ReadonlyMap<string, Rank>;
  /** "a b" for each opposite pair, both ways round. */
  readonly opposite: ReadonlySet<string>;
  /** "effect none" for each effect-versus-none pair. */
  readonly none: ReadonlySet<string>;
  readonly primary: ReadonlySet<string>;
  readonly record: ReadonlySet<string>;
  /** Evidence type (local name) → tier. */
  readonly tiers: ReadonlyMap<string, SupportTier>;
}

export function loadConflictRules(dir: string = ontologyDir()): ConflictRules {
  const diagnostics: Diagnostic[] = [];
  const rows = read(dir, CONFLICT_RULES_FILE, ["row", "term", "other", "label"], diagnostics);
  const rules = new Map<ConflictKind, ConflictRule>();
  const ranks = new Map<string, Rank>();
  const sets = { opposite: new Set<string>(), none: new Set<string>() };
  const primary = new Set<string>();
  const record = new Set<string>();
  for (const row of rows) {
    const { row: kind = "", term = "", other = "", label = "" } = row.fields;
    const bad = (column: string, message: string, hint: string): void => {
      diagnostics.push(problem(join(dir, CONFLICT_RULES_FILE), row, column, message, hint));
    };
    if (!(ROWS as readonly string[]).includes(kind))
      bad("row", `unknown row "${kind}"`, `the rows are: ${ROWS.join(", ")}`);
    else if (term === "") bad("term", "the term is empty", "name a kind, predicate or value");
    else if (kind === "rule") {
      if (!(KINDS as readonly string[]).includes(term))
        bad("term", `unknown conflict kind "${term}"`, `the kinds are: ${KINDS.join(", ")}`);
      else {
        const k = term as ConflictKind;
        rules.set(k, { kind: k, iri: CG[`${k}Rule`].value, label, parameter: Number(other) || 0 });
      }
    } else if (kind === "rank") {
      if (!/^\d+$/.test(other)) bad("other", `the step "${other}" is no number`, "give 0, 1, 2 …");
      else ranks.set(term, { scale: label, step: Number(other) });
    } else if (kind === "opposite" || kind === "none") {
      if (other === "" || other === "-") bad("other", "the pair has one side", "name the other");
      else {
        sets[kind].add(`${term} ${other}`);
        if (kind === "opposite") sets[kind].add(`${other} ${term}`);
      }
    } else (kind === "primary" ? primary : record).add(term);
  }
  for (const k of KINDS.filter((k) => !rules.has(k)))
    diagnostics.push(missing(join(dir, CONFLICT_RULES_FILE), k));
  const tiers = loadTiers(dir, diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) throw new InputError(diagnostics);
  return { rules, ranks, ...sets, primary, record, tiers };
}

function loadTiers(dir: string, diagnostics: Diagnostic[]): Map<string, SupportTier> {
  const tiers = new Map<string, SupportTier>();
  for (const row of read(dir, EVIDENCE_TIERS_FILE, ["evidenceType", "tier"], diagnostics)) {
    const { evidenceType = "", tier = "" } = row.fields;
    if ((TIERS as readonly string[]).includes(tier) && evidenceType !== "")
      tiers.set(evidenceType, tier as SupportTier);
    else
      diagnostics.push(
        problem(
          join(dir, EVIDENCE_TIERS_FILE),
          row,
          "tier",
          `unknown tier "${tier}"`,
          `the tiers are: ${TIERS.join(", ")}`,
        ),
      );
  }
  return tiers;
}

function read(dir: string, name: string, columns: string[], out: Diagnostic[]): TsvRow[] {
  const file = join(dir, name);
  return readTsv(file, readFileSync(file, "utf8"), columns, out);
}

function problem(
  file: string,
  row: TsvRow,
  column: string,
  message: string,
  hint: string,
): Diagnostic {
  const text = row.fields[column];
  return {
    code: "BadConflictRule",
    severity: "error",
    file,
    line: row.line,
    column: row.columns[column] ?? 1,
    message,
    hint,
    ...(text !== undefined ? { text } : {}),
  };
}

function missing(file: string, kind: ConflictKind): Diagnostic {
  return {
    code: "BadConflictRule",
    severity: "error",
    file,
    line: 1,
    column: 1,
    message: `the rule ${kind} is missing`,
    hint: `add a row: rule<TAB>${kind}<TAB>-<TAB>its label`,
  };
}
