/**
 * The conflict rules and the support tiers of issue #15, read from `ontology/conflict-rules.tsv`
 * and `ontology/evidence-tiers.tsv` (data, not code: a curator changes a rule there), with the
 * lexicon of the same folder, which names the entities a text of no effect speaks of. Every
 * row's problem is reported at once, with its line and column.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, InputError } from "../base/errors.ts";
import { ontologyDir } from "../base/paths.ts";
import { fieldDiagnostic, readTsv, type TsvRow } from "../base/tsv.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";
import { loadLexicon } from "../lexicon/load.ts";
import { CG } from "../rdf/vocab/vocabulary.ts";
import { type NoneText, noneText } from "./none-in-text.ts";
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
const ROWS = [
  "rule",
  "rank",
  "opposite",
  "none",
  "primary",
  "record",
  "noneword",
  "effectword",
  "linkword",
  "sentence",
] as const;
const BAD = "BadConflictRule";

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
  /** How a claim's text says no effect on an entity it names ("Minimal direct effect on NET"). */
  readonly noneText: NoneText;
}

export function loadConflictRules(
  dir: string = ontologyDir(),
  lexicon: Lexicon = loadLexicon(dir).lexicon,
): ConflictRules {
  const diagnostics: Diagnostic[] = [];
  const file = join(dir, CONFLICT_RULES_FILE);
  const read = collected();
  const rows = readRows(dir, CONFLICT_RULES_FILE, ["row", "term", "other", "label"], diagnostics);
  for (const row of rows)
    readRow(row.fields, read, (column, message, hint) =>
      diagnostics.push(fieldDiagnostic(file, row, column, BAD, message, hint)),
    );
  for (const k of KINDS.filter((k) => !read.rules.has(k))) diagnostics.push(missing(file, k));
  const tiers = loadTiers(dir, diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) throw new InputError(diagnostics);
  const { words, ...rules } = read;
  return { ...rules, tiers, noneText: noneText(words, lexicon) };
}

/** Reports a problem in one column of the row being read. */
type Bad = (column: string, message: string, hint: string) => void;

interface Collected {
  readonly rules: Map<ConflictKind, ConflictRule>;
  readonly ranks: Map<string, Rank>;
  readonly opposite: Set<string>;
  readonly none: Set<string>;
  readonly primary: Set<string>;
  readonly record: Set<string>;
  readonly words: {
    readonly none: Map<string, string>;
    readonly effect: string[];
    readonly link: string[];
    readonly sentences: Set<string>;
  };
}

function collected(): Collected {
  return {
    rules: new Map(),
    ranks: new Map(),
    opposite: new Set(),
    none: new Set(),
    primary: new Set(),
    record: new Set(),
    words: { none: new Map(), effect: [], link: [], sentences: new Set() },
  };
}

/** One row of the rules file into what has been read so far. */
function readRow(fields: TsvRow["fields"], read: Collected, bad: Bad): void {
  const { row: kind = "", term = "", other = "", label = "" } = fields;
  if (!(ROWS as readonly string[]).includes(kind))
    bad("row", `unknown row "${kind}"`, `the rows are: ${ROWS.join(", ")}`);
  else if (term === "") bad("term", "the term is empty", "name a kind, predicate, value or word");
  else if (kind === "rule") readRule(term, other, label, read, bad);
  else if (kind === "rank") {
    if (!/^\d+$/.test(other)) bad("other", `the step "${other}" is no number`, "give 0, 1, 2 …");
    else read.ranks.set(term, { scale: label, step: Number(other) });
  } else if (kind === "opposite" || kind === "none" || kind === "noneword") {
    if (other === "" || other === "-") bad("other", "the pair has one side", "name the other");
    else if (kind === "noneword") read.words.none.set(term, other);
    else {
      read[kind].add(`${term} ${other}`);
      if (kind === "opposite") read[kind].add(`${other} ${term}`);
    }
  } else if (kind === "effectword" || kind === "linkword")
    read.words[kind === "effectword" ? "effect" : "link"].push(term);
  else if (kind === "sentence") read.words.sentences.add(term);
  else (kind === "primary" ? read.primary : read.record).add(term);
}

function readRule(term: string, other: string, label: string, read: Collected, bad: Bad): void {
  if (!(KINDS as readonly string[]).includes(term)) {
    bad("term", `unknown conflict kind "${term}"`, `the kinds are: ${KINDS.join(", ")}`);
    return;
  }
  const k = term as ConflictKind;
  read.rules.set(k, { kind: k, iri: CG[`${k}Rule`].value, label, parameter: Number(other) || 0 });
}

function loadTiers(dir: string, diagnostics: Diagnostic[]): Map<string, SupportTier> {
  const tiers = new Map<string, SupportTier>();
  for (const row of readRows(dir, EVIDENCE_TIERS_FILE, ["evidenceType", "tier"], diagnostics)) {
    const { evidenceType = "", tier = "" } = row.fields;
    if ((TIERS as readonly string[]).includes(tier) && evidenceType !== "")
      tiers.set(evidenceType, tier as SupportTier);
    else
      diagnostics.push(
        fieldDiagnostic(
          join(dir, EVIDENCE_TIERS_FILE),
          row,
          "tier",
          BAD,
          `unknown tier "${tier}"`,
          `the tiers are: ${TIERS.join(", ")}`,
        ),
      );
  }
  return tiers;
}

function readRows(dir: string, name: string, columns: string[], out: Diagnostic[]): TsvRow[] {
  const file = join(dir, name);
  return readTsv(file, readFileSync(file, "utf8"), columns, out);
}

function missing(file: string, kind: ConflictKind): Diagnostic {
  return {
    code: BAD,
    severity: "error",
    file,
    line: 1,
    column: 1,
    message: `the rule ${kind} is missing`,
    hint: `add a row: rule<TAB>${kind}<TAB>-<TAB>its label`,
  };
}
