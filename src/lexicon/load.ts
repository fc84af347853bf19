/**
 * Loads the lexicon from `ontology/`: `lexicon/entities.tsv`, `lexicon/predicates.tsv`,
 * `lexicon/tables.tsv`, `lexicon/cues.tsv`, `lexicon/evidence.tsv`, and the checked identifiers in
 * `identifiers.tsv`. Inconsistencies (an unknown type, a `broader` that names nothing,
 * an identifier row for an entity the lexicon lacks) are located errors.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../base/errors.ts";
import { normaliseLabel } from "../base/slug.ts";
import { type EvidenceRule, readEvidenceRules } from "./evidence-rules.ts";
import { isEntityType, Lexicon } from "./lexicon.ts";
import { type LexiconFile, LexiconFiles } from "./lexicon-files.ts";
import type {
  Cue,
  CueKind,
  IdentifierRecord,
  LexiconEntity,
  PredicateRecord,
  TableKind,
} from "./types.ts";

const CUE_KINDS: readonly CueKind[] = [
  "boilerplate",
  "null",
  "untested",
  "negative",
  "similar",
  "mixed",
  "harm",
  "not-compared",
  "positive",
  "superior",
  "inferior",
  "design",
  "species",
  "sex",
  "route",
  "measure",
  "value-column",
  "drug-class",
  "frequency",
  "no-result",
  "relation",
  "arm-relation",
];
const TABLE_KINDS: readonly TableKind[] = ["feature", "adverse-effect", "comparative"];

/** An identifier row about a reference: resolved against works, not entities. */
export interface ReferenceIdentifierRecord extends IdentifierRecord {
  readonly reference: string;
}

export interface LoadedLexicon {
  readonly lexicon: Lexicon;
  readonly referenceIdentifiers: readonly ReferenceIdentifierRecord[];
  /** How a cited work's evidence type is inferred (`lexicon/evidence.tsv`), in order. */
  readonly evidenceRules: readonly EvidenceRule[];
}

/** Reads every lexicon file of `ontologyDir`; throws one `InputError` listing every inconsistency. */
export function loadLexicon(ontologyDir: string): LoadedLexicon {
  const from = new LexiconFiles(ontologyDir);
  const ids = from.read("identifiers.tsv", [
    "kind",
    "entity",
    "scheme",
    "id",
    "confidence",
    "source",
  ]);
  const { entityIds, referenceIdentifiers } = readIdentifiers(from, ids);
  const ents = from.read("lexicon/entities.tsv", ["id", "type", "label", "synonyms", "broader"]);
  const entities = readEntities(from, ents, entityIds);
  checkBroader(from, ents, new Set(entities.map((e) => e.id)));
  checkIdentifiedEntities(from, ids, entityIds);
  const predicates = readPredicates(from);
  const tableKinds = readTableKinds(from);
  const cues = readCues(from);
  const evidenceFile = join(ontologyDir, "lexicon/evidence.tsv");
  const evidenceRules = readEvidenceRules(
    evidenceFile,
    readFileSync(evidenceFile, "utf8"),
    from.diagnostics,
  );
  if (from.diagnostics.some((d) => d.severity === "error")) throw new InputError(from.diagnostics);
  return {
    lexicon: new Lexicon(entities, predicates, tableKinds, cues),
    referenceIdentifiers,
    evidenceRules,
  };
}

/** `identifiers.tsv`: entity identifiers by normalised label, and reference identifiers. */
function readIdentifiers(
  from: LexiconFiles,
  ids: LexiconFile,
): {
  entityIds: Map<string, IdentifierRecord[]>;
  referenceIdentifiers: ReferenceIdentifierRecord[];
} {
  const entityIds = new Map<string, IdentifierRecord[]>();
  const referenceIdentifiers: ReferenceIdentifierRecord[] = [];
  for (const row of ids.rows) {
    const f = row.fields;
    const confidence = f.confidence;
    if (confidence !== "confirmed" && confidence !== "likely") {
      from.err(
        ids.file,
        row,
        "confidence",
        `unknown confidence "${confidence}"`,
        'use "confirmed" or "likely"',
      );
      continue;
    }
    const record = {
      scheme: f.scheme ?? "",
      id: f.id ?? "",
      confidence,
      source: f.source ?? "",
    } as const;
    if (f.kind === "reference") {
      referenceIdentifiers.push({ ...record, reference: f.entity ?? "" });
      continue;
    }
    const key = normaliseLabel(f.entity ?? "");
    entityIds.set(key, [...(entityIds.get(key) ?? []), record]);
  }
  return { entityIds, referenceIdentifiers };
}

/**
 * `lexicon/entities.tsv`, each entity with its identifiers. The identifiers it takes are removed
 * from `entityIds`, so what is left there names no entity.
 */
function readEntities(
  from: LexiconFiles,
  ents: LexiconFile,
  entityIds: Map<string, IdentifierRecord[]>,
): LexiconEntity[] {
  const entities: LexiconEntity[] = [];
  for (const row of ents.rows) {
    const f = row.fields;
    const type = f.type ?? "";
    const label = f.label ?? "";
    if (!isEntityType(type)) {
      // The row still names the entity: its identifier rows are not reported again.
      entityIds.delete(normaliseLabel(label));
      from.err(
        ents.file,
        row,
        "type",
        `unknown entity type "${type}"`,
        "use Drug, DrugClass, Target, Mechanism, Condition, Outcome or AdverseEffect",
      );
      continue;
    }
    entities.push({
      id: f.id ?? "",
      type,
      label,
      synonyms: (f.synonyms ?? "")
        .split("|")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
      broader: f.broader === "" ? undefined : f.broader,
      identifiers: entityIds.get(normaliseLabel(label)) ?? [],
    });
    entityIds.delete(normaliseLabel(label));
  }
  return entities;
}

/** Every `broader` of an entity row names another entity's id. */
function checkBroader(from: LexiconFiles, ents: LexiconFile, known: ReadonlySet<string>): void {
  for (const row of ents.rows) {
    const broader = row.fields.broader;
    if (broader && !known.has(broader)) {
      from.err(
        ents.file,
        row,
        "broader",
        `broader entity "${broader}" is not in the lexicon`,
        "name the id of another row",
      );
    }
  }
}

/** Every entity identifier row whose label no entity took (`unclaimed`) is an error. */
function checkIdentifiedEntities(
  from: LexiconFiles,
  ids: LexiconFile,
  unclaimed: ReadonlyMap<string, unknown>,
): void {
  for (const row of ids.rows) {
    if (row.fields.kind !== "reference" && unclaimed.has(normaliseLabel(row.fields.entity ?? ""))) {
      from.err(
        ids.file,
        row,
        "entity",
        `no lexicon entity is labelled "${row.fields.entity}"`,
        "add it to ontology/lexicon/entities.tsv with this exact label",
      );
    }
  }
}

/** `lexicon/predicates.tsv`: predicates by normalised surface form and by their own name. */
function readPredicates(from: LexiconFiles): Map<string, PredicateRecord> {
  const preds = from.read("lexicon/predicates.tsv", ["surface", "predicate", "objectType"]);
  const predicates = new Map<string, PredicateRecord>();
  for (const row of preds.rows) {
    const objectType = row.fields.objectType ?? "";
    if (objectType !== "" && !isEntityType(objectType)) {
      from.err(
        preds.file,
        row,
        "objectType",
        `unknown object type "${objectType}"`,
        "leave it empty for a value, or name an entity type",
      );
      continue;
    }
    const name = row.fields.predicate ?? "";
    const record = { name, objectType: objectType === "" ? undefined : objectType };
    predicates.set(normaliseLabel(row.fields.surface ?? ""), record);
    predicates.set(normaliseLabel(name), predicates.get(normaliseLabel(name)) ?? record);
  }
  return predicates;
}

/** `lexicon/tables.tsv`: table kinds by normalised header. */
function readTableKinds(from: LexiconFiles): Map<string, TableKind> {
  const tables = from.read("lexicon/tables.tsv", ["header", "kind"]);
  const tableKinds = new Map<string, TableKind>();
  for (const row of tables.rows) {
    const kind = row.fields.kind as TableKind;
    if (!TABLE_KINDS.includes(kind)) {
      from.err(
        tables.file,
        row,
        "kind",
        `unknown table kind "${kind}"`,
        `use one of ${TABLE_KINDS.join(", ")}`,
      );
      continue;
    }
    tableKinds.set(normaliseLabel(row.fields.header ?? ""), kind);
  }
  return tableKinds;
}

/** `lexicon/cues.tsv`: the cue phrases, in file order. */
function readCues(from: LexiconFiles): Cue[] {
  const cueRows = from.read("lexicon/cues.tsv", ["kind", "phrase", "value"]);
  const cues: Cue[] = [];
  for (const row of cueRows.rows) {
    const kind = row.fields.kind as CueKind;
    if (!CUE_KINDS.includes(kind)) {
      from.err(
        cueRows.file,
        row,
        "kind",
        `unknown cue kind "${kind}"`,
        `use one of ${CUE_KINDS.join(", ")}`,
      );
      continue;
    }
    const phrase = row.fields.phrase ?? "";
    cues.push({ kind, phrase, value: row.fields.value || phrase });
  }
  return cues;
}
