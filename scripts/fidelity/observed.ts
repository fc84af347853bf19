/**
 * The adapter from claimgraph's model to fidelity rows: what the built KnowledgeBase
 * (src/claims/types.ts) says, in the gold files' shape. This is the one module to update
 * when the model changes (null cells as not-stated claims, frequencies, coordinated
 * objects, prose relations, identifiers given by the document, new evidence types).
 */
import type {
  Claim,
  DocumentClaims,
  EvidenceType,
  KnowledgeBase,
  Study,
  Term,
} from "../../src/claims/types.ts";
import { citationKey, type FactRow, type Kind } from "./rows.ts";

/** claimgraph's evidence types in the gold files' words. */
const EVIDENCE: Readonly<Record<EvidenceType, string>> = {
  TertiaryReferenceWork: "tertiary",
  ConsumerHealthPage: "consumer",
  PreclinicalStudy: "primary-research",
  ClinicalStudy: "primary-research",
  PrimaryResearch: "primary-research",
  SystematicReview: "systematic-review",
  MetaAnalysis: "meta-analysis",
  Review: "review",
  UnknownEvidence: "unknown",
};

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
  const row = (
    kind: Kind,
    span: { start: number; end: number } | undefined,
    fields: Partial<Omit<FactRow, "kind" | "document" | "file" | "line" | "endLine" | "quote">>,
  ): FactRow => ({
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
    for (const arm of study.arms) {
      out.push(
        row("arm", study.quote, {
          subject: [study.label],
          object: arm.intervention ? names(arm.intervention) : [arm.label],
          attributes: {
            n: arm.sampleSize === undefined ? "" : String(arm.sampleSize),
            dose: arm.dose ?? "",
            unit: arm.doseUnit ?? "",
            route: arm.route ?? "",
          },
        }),
      );
    }
  }
  const works = new Map(kb.works.map((w) => [w.key, w]));
  for (const ref of doc.references) {
    const work = works.get(ref.workKey);
    out.push(
      row("reference", ref.span, {
        subject: [String(ref.number)],
        object: ref.host ? [ref.host] : [],
        attributes: { evidence: work ? EVIDENCE[work.evidenceType] : "unknown" },
      }),
    );
    for (const id of work?.identifiers ?? []) {
      out.push(
        row("identifier", ref.span, {
          subject: [String(ref.number)],
          object: [`${id.scheme}:${id.id}`],
        }),
      );
    }
  }
  return out;
}

type Names = (term: Term) => string[];

function claimRow(
  claim: Claim,
  doc: DocumentClaims,
  names: Names,
): { kind: Kind; fields: Partial<FactRow> } | undefined {
  const citations = citationKey(claim.citations);
  const subject = names(claim.subject);
  const object = names(claim.object);
  switch (claim.kind) {
    case "header":
      return {
        kind: "header",
        fields: { subject, predicate: [claim.predicate.label, "CAS No."], object },
      };
    case "prose":
      return { kind: "prose", fields: { subject, citations } };
    case "curated":
      return {
        kind: "relation",
        fields: { subject, predicate: [claim.predicate.name], object, citations },
      };
    case "comparative": {
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
    case "table":
      return tableRow(claim, doc, names, citations);
    default:
      return undefined;
  }
}

const DIRECTION = {
  Favours: "favours",
  Similar: "similar",
  NotCompared: "not-compared",
  Unclear: "unclear",
} as const;

function tableRow(
  claim: Claim,
  doc: DocumentClaims,
  names: Names,
  citations: string,
): { kind: Kind; fields: Partial<FactRow> } {
  const subject = names(claim.subject);
  const object = names(claim.object);
  const place = claim.table;
  switch (claim.predicate.name) {
    case "adverseEffectRisk":
      // Today's model reads no frequency: the cell's words stay in the claim's value.
      return {
        kind: "effect",
        fields: { subject, object, citations, attributes: { frequency: "" } },
      };
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
    case "keyExperimentalData":
      return {
        kind: "evidence",
        fields: {
          subject,
          predicate: [claim.predicate.label, place?.columnLabel ?? ""],
          citations,
        },
      };
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

function studyFields(study: Study): Partial<FactRow> {
  return {
    subject: [study.label],
    citations: citationKey(study.citations),
    attributes: {
      design: study.design.join(","),
      n: "",
      duration: study.duration ?? "",
      "follow-up": "",
    },
  };
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
