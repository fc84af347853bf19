/**
 * The mapping of claimgraph's terms to the Biolink Model that the KGX export follows, read
 * from `ontology/biolink-mapping.tsv` (data, not code: a curator changes a mapping there).
 * A "-" in the biolink column leaves a term unmapped on purpose.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, InputError } from "../base/errors.ts";
import { ontologyDir } from "../base/paths.ts";
import { fieldDiagnostic, readTsv, type TsvRow } from "../base/tsv.ts";

export const BIOLINK_MAPPING_FILE = "biolink-mapping.tsv";

const KINDS = ["category", "predicate", "agent", "prefix", "setting"] as const;
/** The settings every edge carries: the file must give each. */
export const SETTINGS = ["knowledge_level", "primary_knowledge_source", "edge_category"] as const;
export type MappingKind = (typeof KINDS)[number];

export interface BiolinkMapping {
  /** Per kind, claimgraph's term → the Biolink term, or null when left unmapped. */
  readonly terms: Readonly<Record<MappingKind, ReadonlyMap<string, string | null>>>;
  /** Identifier schemes → CURIE prefixes, in the order a node's id is chosen. */
  readonly prefixes: ReadonlyArray<readonly [string, string]>;
}

/** Reads the mapping; every row's problem is reported at once, with its line and column. */
export function loadBiolinkMapping(dir: string = ontologyDir()): BiolinkMapping {
  const file = join(dir, BIOLINK_MAPPING_FILE);
  const diagnostics: Diagnostic[] = [];
  const rows = readTsv(
    file,
    readFileSync(file, "utf8"),
    ["kind", "claimgraph", "biolink"],
    diagnostics,
  );
  const terms = Object.fromEntries(KINDS.map((k) => [k, new Map()])) as Record<
    MappingKind,
    Map<string, string | null>
  >;
  const prefixes: Array<[string, string]> = [];
  for (const row of rows) {
    const { kind, claimgraph, biolink } = row.fields as Record<string, string>;
    const table = isKind(kind) ? terms[kind] : undefined;
    if (!table || !claimgraph || !biolink || table.has(claimgraph)) {
      diagnostics.push(rowProblem(file, row, table));
      continue;
    }
    table.set(claimgraph, biolink === "-" ? null : biolink);
    if (kind === "prefix" && biolink !== "-") prefixes.push([claimgraph, biolink]);
  }
  for (const name of SETTINGS.filter((n) => !terms.setting.get(n))) {
    diagnostics.push({
      code: "BadMapping",
      severity: "error",
      file,
      line: 1,
      column: 1,
      message: `the setting "${name}" is missing`,
      hint: `add a row: setting<TAB>${name}<TAB>its value`,
    });
  }
  if (diagnostics.some((d) => d.severity === "error")) throw new InputError(diagnostics);
  return { terms, prefixes };
}

function isKind(kind: string | undefined): kind is MappingKind {
  return (KINDS as readonly (string | undefined)[]).includes(kind);
}

function rowProblem(
  file: string,
  row: TsvRow,
  table: ReadonlyMap<string, string | null> | undefined,
): Diagnostic {
  const f = row.fields;
  const at = (column: string, message: string, hint: string): Diagnostic =>
    fieldDiagnostic(file, row, column, "BadMapping", message, hint);
  if (!table) return at("kind", `unknown kind "${f.kind}"`, `the kinds are: ${KINDS.join(", ")}`);
  if (!f.claimgraph)
    return at("claimgraph", "the claimgraph term is empty", "name the term mapped");
  if (!f.biolink)
    return at(
      "biolink",
      `"${f.claimgraph}" has no Biolink term`,
      'write the term, or "-" to leave it unmapped',
    );
  return at("claimgraph", `"${f.claimgraph}" is mapped twice`, "keep one row per term and kind");
}

/** The value of a `setting` row (the loader checked that each of SETTINGS is there). */
export function setting(mapping: BiolinkMapping, name: (typeof SETTINGS)[number]): string {
  return mapping.terms.setting.get(name) ?? "";
}
