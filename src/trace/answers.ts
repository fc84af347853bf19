/**
 * The answers trace gives, as plain JSON-ready objects: the stable schema behind
 * `--json` (documented in docs/trace-json.md and checked by docs/trace.schema.json).
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type {
  ClaimNode,
  IdentifierInfo,
  ReferenceNode,
  StudyNode,
  WorkBibliographyInfo,
} from "../graph/types.ts";

export interface Named {
  readonly id: string;
  readonly label: string;
}

export interface CitationJson {
  readonly number: number | null;
  readonly reference: string;
  readonly title: string;
  readonly titleTruncated: boolean;
  readonly host: string | null;
  /** What the entry's brackets hold, when it is more than a host (an address, a bare DOI…). */
  readonly locator: string | null;
  readonly url: string | null;
  /** Identifiers checked against a public record. */
  readonly identifiers: readonly string[];
  /** Identifiers of a record row not re-read ("likely"). */
  readonly unverifiedIdentifiers: readonly string[];
  /** Identifiers the document's reference entries state (checked or not). */
  readonly statedIdentifiers: readonly string[];
  readonly evidenceType: string;
  /** What gave the evidence type: "curation" or the rule that inferred it; null when unknown. */
  readonly evidenceTypeRule: string | null;
  /** True when a rule inferred the evidence type (not a curator). */
  readonly evidenceTypeInferred: boolean;
  readonly work: Named | null;
  /** What a bibliography gave the work (`build --bibliography`); null when none was given. */
  readonly bibliography: BibliographyJson | null;
}

export interface BibliographyJson {
  /** "matched", "ambiguous" (several entries: nothing taken) or "unmatched". */
  readonly match: string;
  /** The entries that matched, as file#entry. */
  readonly candidates: readonly string[];
  readonly authors: readonly string[];
  readonly year: string | null;
  readonly journal: string | null;
  /** Identifiers the entry gives that differ from the work's: reported, not taken. */
  readonly conflicts: readonly string[];
  /** Each field it filled: the property (compact), the value, the file and entry, how matched. */
  readonly sources: ReadonlyArray<{
    readonly property: string;
    readonly value: string;
    readonly file: string;
    readonly entry: string;
    readonly matchedBy: string;
  }>;
}

export interface StudyJson extends Named {
  readonly qualifiers: Readonly<Record<string, readonly string[]>>;
  readonly arms: ReadonlyArray<{
    readonly label: string;
    readonly intervention: Named | null;
    readonly sampleSize: number | null;
    readonly dose: string | null;
    readonly doseUnit: string | null;
    readonly route: string | null;
    readonly schedule: string | null;
  }>;
  readonly citations: readonly number[];
}

export interface ClaimJson {
  readonly id: string;
  readonly type: string;
  readonly subject: Named;
  readonly predicate: Named;
  readonly object: Named | { readonly value: string };
  readonly text: string;
  readonly quote: {
    readonly exact: string;
    readonly prefix: string;
    readonly suffix: string;
  } | null;
  readonly location: {
    readonly document: Named;
    readonly section: string | null;
    readonly line: number | null;
    readonly column: number | null;
    readonly endLine: number | null;
    readonly endColumn: number | null;
    readonly start: number | null;
    readonly end: number | null;
    readonly table: {
      readonly id: string;
      readonly row: string | null;
      readonly rowIndex: number | null;
      readonly column: string | null;
      readonly columnIndex: number | null;
    } | null;
  };
  readonly citations: readonly CitationJson[];
  /** Numbers of its markers that name no entry of the document's reference list. */
  readonly unresolvedMarkers: readonly number[];
  readonly uncited: boolean;
  readonly unnormalised: boolean;
  readonly value: string | null;
  readonly qualifier: string | null;
  readonly study: StudyJson | null;
  readonly studies: readonly Named[];
  readonly comparison: {
    readonly armA: Named | null;
    readonly armB: Named | null;
    readonly condition: Named | null;
    readonly outcome: Named | null;
    readonly direction: string | null;
    readonly favours: Named | null;
    readonly evidence: string | null;
  } | null;
  readonly note: string | null;
  readonly status: string | null;
  readonly frequency: string | null;
  readonly readBy: string | null;
  readonly guesses: readonly string[];
  /** cg:cue: the phrase a prose relation was read by. */
  readonly cue: string | null;
}

const named = (kg: KnowledgeGraph, iri: string | undefined): Named | null =>
  iri === undefined ? null : { id: iri, label: kg.label(iri) };

/**
 * A claim as JSON. `studies` caches study answers across the claims of one answer (many
 * claims share a study).
 */
export function claimJson(
  kg: KnowledgeGraph,
  c: ClaimNode,
  studies?: Map<string, StudyJson>,
): ClaimJson {
  const study = kg.node(c.studies[0]);
  return {
    id: c.iri,
    type: c.claimType,
    subject: { id: c.subject, label: kg.label(c.subject) },
    predicate: { id: c.predicate, label: kg.predicateLabel(c.predicate) },
    object:
      "iri" in c.object
        ? { id: c.object.iri, label: kg.label(c.object.iri) }
        : { value: c.object.literal },
    text: c.label,
    quote: c.quote ?? null,
    location: locationJson(kg, c),
    citations: c.citations.map((r) => citationJson(kg, r)),
    unresolvedMarkers: c.unresolvedMarkers,
    uncited: c.uncited,
    unnormalised: c.unnormalised,
    value: c.value ?? null,
    qualifier: c.qualifier ?? null,
    study: study?.kind === "study" ? sharedStudyJson(kg, study, studies) : null,
    studies: c.studies.map((s) => ({ id: s, label: kg.label(s) })),
    comparison: c.comparison ? comparisonJson(kg, c.comparison) : null,
    note: c.note ?? null,
    status: c.status ?? null,
    frequency: c.frequency ?? null,
    readBy: c.readBy ?? null,
    guesses: c.guesses,
    cue: c.cue ?? null,
  };
}

/** Where a claim stands: its document, section, span, and its table cell when it has one. */
function locationJson(kg: KnowledgeGraph, c: ClaimNode): ClaimJson["location"] {
  const t = c.table;
  return {
    document: { id: c.location.document, label: kg.label(c.location.document) },
    section: c.location.section ?? null,
    line: c.location.line ?? null,
    column: c.location.column ?? null,
    endLine: c.location.endLine ?? null,
    endColumn: c.location.endColumn ?? null,
    start: c.location.start ?? null,
    end: c.location.end ?? null,
    table: t
      ? {
          id: t.table ?? "",
          row: t.rowLabel ?? null,
          rowIndex: t.rowIndex ?? null,
          column: t.columnLabel ?? null,
          columnIndex: t.columnIndex ?? null,
        }
      : null,
  };
}

/** A study's answer, made once for the claims of one answer that share it. */
function sharedStudyJson(
  kg: KnowledgeGraph,
  s: StudyNode,
  studies: Map<string, StudyJson> | undefined,
): StudyJson {
  const cached = studies?.get(s.iri);
  if (cached) return cached;
  const made = studyJson(kg, s);
  studies?.set(s.iri, made);
  return made;
}

/** A comparison claim's arms, condition, outcome and which arm it favours. */
function comparisonJson(
  kg: KnowledgeGraph,
  cmp: NonNullable<ClaimNode["comparison"]>,
): NonNullable<ClaimJson["comparison"]> {
  return {
    armA: named(kg, cmp.armA),
    armB: named(kg, cmp.armB),
    condition: named(kg, cmp.condition),
    outcome: named(kg, cmp.outcome),
    direction: cmp.direction ?? null,
    favours: named(kg, cmp.favours),
    evidence: cmp.evidence ?? null,
  };
}

/** A citation: the reference entry it went through (or a work cited directly) and its work. */
export function citationJson(kg: KnowledgeGraph, referenceIri: string): CitationJson {
  const ref: ReferenceNode | undefined = kg.reference(referenceIri);
  const work = kg.citedWork(referenceIri);
  const ids = work?.identifiers ?? [];
  const statedOnly = (i: IdentifierInfo) => i.confidence === "stated";
  return {
    number: ref?.number ?? null,
    reference: referenceIri,
    title: work?.title ?? ref?.title ?? kg.compact(referenceIri),
    titleTruncated: ref?.truncated ?? false,
    host: ref?.host ?? null,
    locator: ref?.locator ?? null,
    url:
      urlOf(ids.filter((i) => !i.unverified)) ??
      urlOf(ids.filter((i) => i.stated)) ??
      (ref?.locator && /^https?:\/\//i.test(ref.locator) ? ref.locator : null),
    identifiers: ids.filter((i) => !i.unverified).map((i) => i.curie),
    unverifiedIdentifiers: ids.filter((i) => i.unverified && !statedOnly(i)).map((i) => i.curie),
    statedIdentifiers: ids.filter((i) => i.stated).map((i) => i.curie),
    evidenceType: work?.evidenceType ?? "UnknownEvidence",
    evidenceTypeRule: work?.evidenceRule ?? null,
    evidenceTypeInferred: work?.evidenceInferred ?? false,
    work: work ? { id: work.iri, label: work.label } : null,
    bibliography: work?.bibliography ? bibliographyJson(kg, work.bibliography) : null,
  };
}

function bibliographyJson(kg: KnowledgeGraph, b: WorkBibliographyInfo): BibliographyJson {
  return {
    match: b.match,
    candidates: b.candidates,
    authors: b.authors,
    year: b.year ?? null,
    journal: b.journal ?? null,
    conflicts: b.conflicts,
    sources: b.sources.map((f) => ({
      property: f.property ? kg.compact(f.property) : "",
      value: f.value ?? "",
      file: f.file ?? "",
      entry: f.entry ?? "",
      matchedBy: f.matchedBy ?? "",
    })),
  };
}

/** An address to read the work at from identifiers (resolver URLs), if any. */
export function urlOf(ids: readonly IdentifierInfo[]): string | null {
  const pick = (scheme: string) => ids.find((i) => i.scheme === scheme)?.id;
  const url = pick("url");
  if (url && /^https?:\/\//.test(url)) return url;
  const pmid = pick("pmid");
  if (pmid) return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
  const doi = pick("doi");
  if (doi) return `https://doi.org/${doi}`;
  const pmc = pick("pmc");
  if (pmc) return `https://pmc.ncbi.nlm.nih.gov/articles/${pmc}/`;
  const nbk = pick("nbk");
  if (nbk) return `https://www.ncbi.nlm.nih.gov/books/${nbk}/`;
  return null;
}

export function studyJson(kg: KnowledgeGraph, s: StudyNode): StudyJson {
  return {
    id: s.iri,
    label: s.label,
    qualifiers: Object.fromEntries(
      Object.entries(s.qualifiers).map(([k, v]) => [
        k,
        k === "model" ? v.map((m) => kg.label(m)) : v,
      ]),
    ),
    arms: s.arms.map((a) => ({
      label: a.label,
      intervention: named(kg, a.intervention),
      sampleSize: a.sampleSize ?? null,
      dose: a.dose ?? null,
      doseUnit: a.doseUnit ?? null,
      route: a.route ?? null,
      schedule: a.schedule ?? null,
    })),
    citations: s.citations.map((r) => kg.reference(r)?.number ?? 0).filter((n) => n > 0),
  };
}
