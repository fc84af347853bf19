/**
 * The adapter from claimgraph's model to fidelity rows: what the built KnowledgeBase
 * (src/claims/types.ts) says, in the gold files' shape. This is the one module to update
 * when the model changes. A null cell's claim (`status`) asserts nothing and is a not-stated
 * row; an adverse effect is read from its statement, with its frequency; the stated CAS number
 * is the document's statement about its compound; a prose claim whose subject is unclear
 * answers to gold's `?`; prose relations (ProseCueRule), relations read from comparative arm
 * cells (ArmCellCueRule) and curated claims are relation rows;
 * identifiers are those the reference entry states (checked public records are not what the
 * document gives, so they are no rows).
 */
import type { Claim, DocumentClaims, KnowledgeBase } from "../../src/claims/types.ts";
import type { Span } from "../../src/document/types.ts";
import {
  armFields,
  type Fields,
  identifierFields,
  type Names,
  referenceFields,
  studyFields,
} from "./observed-sources.ts";
import { citationKey, type FactRow, type Kind } from "./rows.ts";
import { DIRECTION, FREQUENCY, relationWords } from "./words.ts";

/** The rows of every document of `kb`; memberships go to the first document (build one document at a time). */
export function observedRows(kb: KnowledgeBase): FactRow[] {
  const rows: FactRow[] = [];
  kb.documents.forEach((doc, i) => {
    rows.push(...documentRows(kb, doc));
    if (i === 0) rows.push(...membershipRows(kb, doc));
  });
  return rows;
}

function documentRows(kb: KnowledgeBase, doc: DocumentClaims): FactRow[] {
  const names = namesOf(kb);
  const { source } = doc.document;
  const file = doc.document.source.file;
  const row = (kind: Kind, span: Span | undefined, fields: Fields): FactRow => ({
    kind,
    document: doc.document.id,
    file,
    line: span ? source.position(span.start).line : undefined,
    endLine: span ? source.position(Math.max(span.start, span.end - 1)).line : undefined,
    quote: span ? source.slice(span) : "",
    subject: [],
    predicate: [],
    object: [],
    qualifier: "",
    citations: "",
    attributes: {},
    ...fields,
  });
  const out: FactRow[] = [];
  for (const claim of doc.claims) {
    const mapped = claimRow(claim, doc, names);
    if (mapped) out.push(row(mapped.kind, claim.quote, mapped.fields));
  }
  for (const study of doc.studies) {
    out.push(row("study", study.quote, studyFields(study)));
    for (const arm of study.arms) out.push(row("arm", study.quote, armFields(study, arm, names)));
  }
  const works = new Map(kb.works.map((w) => [w.key, w]));
  for (const ref of doc.references) {
    out.push(row("reference", ref.span, referenceFields(ref, works.get(ref.workKey))));
    for (const fields of identifierFields(ref)) out.push(row("identifier", ref.span, fields));
  }
  return out;
}

type Mapped = { kind: Kind; fields: Fields };

function claimRow(claim: Claim, doc: DocumentClaims, names: Names): Mapped | undefined {
  const citations = citationKey(claim.citations);
  if (claim.status) return notStatedRow(claim, names);
  switch (claim.kind) {
    case "header":
      return headerRow(claim, names);
    case "prose":
      if (claim.readBy === "ProseCueRule") return relationRow(claim, names, citations);
      return {
        kind: "prose",
        fields: {
          subject: claim.guesses.includes("SubjectUnclear") ? ["?"] : names(claim.subject),
          citations,
        },
      };
    case "curated":
      return relationRow(claim, names, citations);
    case "comparative":
      return comparisonRow(claim, names, citations);
    case "table":
      if (claim.readBy === "ArmCellCueRule") return relationRow(claim, names, citations);
      return tableRow(claim, doc, names, citations);
    default:
      return undefined;
  }
}

/** A null cell asserts nothing: its subject, and the row label or value column it leaves empty. */
function notStatedRow(claim: Claim, names: Names): Mapped {
  const place = claim.table;
  const predicate = [claim.predicate.label];
  if (place) predicate.push(place.rowLabel, place.columnLabel);
  if (claim.object.kind === "entity") predicate.push(...names(claim.object));
  return { kind: "not-stated", fields: { subject: names(claim.subject), predicate } };
}

/** What the header states: the identifier the document gives its compound, or another field. */
function headerRow(claim: Claim, names: Names): Mapped {
  const s = claim.statement;
  if (s?.kind === "statedIdentifier")
    return {
      kind: "header",
      fields: {
        subject: names(s.about),
        predicate: [claim.predicate.label, s.scheme, "CAS No."],
        object: [s.value],
      },
    };
  return {
    kind: "header",
    fields: {
      subject: names(claim.subject),
      predicate: [claim.predicate.label],
      object: names(claim.object),
    },
  };
}

/** A relation read by a cue from prose or an arm cell, or a curated claim. */
function relationRow(claim: Claim, names: Names, citations: string): Mapped {
  return {
    kind: "relation",
    fields: {
      subject: names(claim.subject),
      predicate: [relationWords(claim.predicate.name)],
      object: names(claim.object),
      citations,
    },
  };
}

function comparisonRow(claim: Claim, names: Names, citations: string): Mapped | undefined {
  const c = claim.comparison;
  if (!c) return undefined;
  return {
    kind: "comparison",
    fields: {
      subject: names(c.armA),
      object: names(c.armB),
      predicate: names(c.condition),
      citations,
      attributes: {
        outcome: c.outcome ? names(c.outcome).join("|") : "",
        direction: DIRECTION[c.direction],
        favours: c.favours ? names(c.favours).join("|") : "",
      },
    },
  };
}

/** Whether a comparative claim of the document names `claim` as its evidence. */
function isEvidence(claim: Claim, doc: DocumentClaims): boolean {
  return doc.claims.some((c) => c.comparison?.evidence === claim.id);
}

function tableRow(claim: Claim, doc: DocumentClaims, names: Names, citations: string): Mapped {
  const subject = names(claim.subject);
  const object = names(claim.object);
  const place = claim.table;
  const s = claim.statement;
  if (s?.kind === "adverseEffect")
    return {
      kind: "effect",
      fields: {
        subject: names(s.drug),
        object: names(s.effect),
        citations,
        attributes: { frequency: FREQUENCY[s.frequency] },
      },
    };
  // A value column's cell that a comparison rests on, whatever its header's words.
  if (claim.predicate.name === "keyExperimentalData" || isEvidence(claim, doc))
    return {
      kind: "evidence",
      fields: {
        subject,
        predicate: [claim.predicate.label, place?.columnLabel ?? ""],
        citations,
      },
    };
  switch (claim.predicate.name) {
    case "performanceIn": {
      const row = doc.claims.find(
        (c) =>
          c.kind === "comparative" &&
          c.table?.table === place?.table &&
          c.table?.rowIndex === place?.rowIndex,
      );
      const outcome = row?.comparison?.outcome;
      return {
        kind: "arm-result",
        fields: {
          subject,
          object,
          citations,
          attributes: { outcome: outcome ? names(outcome).join("|") : "" },
        },
      };
    }
    default: {
      // A predicate read from the row label also answers to the row label as written
      // ("Key Novel Mechanism" is keyMechanism); one read from a column header does not.
      const fromColumn = place && claim.predicate.label === place.columnLabel.toLowerCase();
      const predicate = [claim.predicate.label];
      if (place && !fromColumn) predicate.push(place.rowLabel);
      return {
        kind: "cell",
        fields: { subject, predicate, object, qualifier: claim.qualifier ?? "", citations },
      };
    }
  }
}

function membershipRows(kb: KnowledgeBase, doc: DocumentClaims): FactRow[] {
  const names = namesOf(kb);
  return kb.memberships.map((m) => ({
    kind: "membership" as const,
    document: doc.document.id,
    file: doc.document.source.file,
    line: undefined,
    endLine: undefined,
    quote: "",
    subject: names(m.member),
    predicate: [m.relation === "exampleMember" ? "example of" : "member of"],
    object: names(m.group),
    qualifier: "",
    citations: "",
    attributes: {},
  }));
}

/** The names a term answers to: its label, and its lexicon synonyms. */
function namesOf(kb: KnowledgeBase): Names {
  return (term) => {
    if (term.kind === "literal") return [term.value];
    if (term.kind !== "entity") return [term.kind];
    const record = kb.lexiconEntities.get(term.id);
    return [term.label, ...(record?.synonyms ?? [])];
  };
}
