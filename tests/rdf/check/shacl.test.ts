import type { Quad } from "@rdfjs/types";
import { DataFactory, Parser } from "n3";
import { describe, expect, it } from "vitest";
import {
  formatShaclReport,
  type ShaclReport,
  validateShacl,
} from "../../../src/rdf/check/shacl.ts";

const CG = "https://w3id.org/claimgraph/vocab#";
const CGSH = "https://w3id.org/claimgraph/shapes#";
const KB = "https://w3id.org/claimgraph/kb/";
const CITO = "http://purl.org/spar/cito/";
const OA = "http://www.w3.org/ns/oa#";

// One table cell of graph/sources/desipramine-vs-ssris.md (line 21) with everything it points to:
// its quote with both selectors, the document, the work it cites and the reference entry it cites
// it through, the table, the entities with one confirmed and one likely identifier, and an
// identifier the document states.
const CONFORMING = `
@prefix cg: <https://w3id.org/claimgraph/vocab#> .
@prefix cito: <http://purl.org/spar/cito/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix fabio: <http://purl.org/spar/fabio/> .
@prefix kb: <https://w3id.org/claimgraph/kb/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kb:doc a cg:SourceDocument ;
  dcterms:title "Mechanisms of Action: A Comparative Overview" ;
  dcterms:creator "Smolecule Technical Support Team" ;
  dcterms:date "2026-02"^^xsd:gYearMonth ;
  cg:fileName "desipramine-vs-ssris.md" ;
  cg:sha256 "9289e7fc205e6902ba9392a5ca9fc10da1ad421082881c41b0595b5310710dd7" ;
  cg:genre cg:VendorOverview .

kb:table-1 a cg:Table ;
  cg:tableIndex 1 ;
  prov:wasDerivedFrom kb:doc .

kb:claim-1 a cg:TableCellClaim ;
  rdf:subject kb:desipramine ;
  rdf:predicate cg:primaryTarget ;
  rdf:object kb:norepinephrine-transporter ;
  prov:wasDerivedFrom kb:doc ;
  cg:quote kb:claim-1-quote ;
  cg:displayText "Desipramine's primary target is the norepinephrine transporter (NET)." ;
  cg:line 21 ;
  cg:column 16 ;
  cg:endLine 21 ;
  cg:endColumn 52 ;
  cg:inSection "Compound Focus: Desipramine" ;
  cg:uncited false ;
  cito:citesAsEvidence kb:work-1 ;
  cg:viaReference kb:ref-1 ;
  cg:inTable kb:table-1 ;
  cg:rowLabel "Primary Target" ;
  cg:columnLabel "Desipramine (TCA)" ;
  cg:rowIndex 1 ;
  cg:columnIndex 2 .

kb:claim-1-quote a oa:SpecificResource ;
  oa:hasSource kb:doc ;
  oa:hasSelector kb:claim-1-text , kb:claim-1-position .

kb:claim-1-text a oa:TextQuoteSelector ;
  oa:exact "Norepinephrine Transporter (NET) [1]" ;
  oa:prefix "Primary Target\\t" ;
  oa:suffix "\\tSerotonin Transporter" .

kb:claim-1-position a oa:TextPositionSelector ;
  oa:start "1043"^^xsd:nonNegativeInteger ;
  oa:end "1079"^^xsd:nonNegativeInteger .

kb:ref-1 a cg:Reference ;
  cg:referenceNumber 1 ;
  cg:titleAsGiven "Desipramine - StatPearls" ;
  cg:host "ncbi.nlm.nih.gov" ;
  cg:titleTruncated false ;
  cg:refersTo kb:work-1 ;
  cg:inDocument kb:doc ;
  cg:line 105 .

kb:work-1 a fabio:Work ;
  dcterms:title "Desipramine" ;
  cg:evidenceType cg:TertiaryReferenceWork ;
  cg:evidenceTypeRule "title:statpearls" ;
  cg:identifier kb:work-1-nbk .

kb:work-1-nbk a cg:Identifier ;
  cg:scheme "nbk" ;
  cg:localId "NBK470400" ;
  dcterms:identifier "nbk:NBK470400" ;
  cg:confidence "stated" ;
  cg:unverified true ;
  cg:identifierSource cg:StatedByDocument .

kb:desipramine a cg:Drug ;
  rdfs:label "desipramine" ;
  skos:altLabel "Desipramine (TCA)" ;
  cg:identifier kb:desipramine-drugbank .

kb:desipramine-drugbank a cg:Identifier ;
  cg:scheme "drugbank" ;
  cg:localId "DB01151" ;
  dcterms:identifier "drugbank:DB01151" ;
  cg:confidence "confirmed" ;
  cg:unverified false ;
  cg:identifierSource cg:PublicRecord .

kb:fluoxetine a cg:Drug ;
  rdfs:label "fluoxetine" ;
  cg:identifier kb:fluoxetine-chebi .

kb:fluoxetine-chebi a cg:Identifier ;
  cg:scheme "chebi" ;
  cg:localId "5118" ;
  dcterms:identifier "chebi:5118" ;
  cg:confidence "likely" ;
  cg:unverified true ;
  cg:identifierSource cg:PublicRecord .

kb:norepinephrine-transporter a cg:Target ;
  rdfs:label "norepinephrine transporter" ;
  skos:altLabel "NET" .
`;

/** The conforming example with `from` (which must occur exactly once) replaced by `to`. */
function variant(from: string, to: string): string {
  const at = CONFORMING.indexOf(from);
  if (at < 0 || CONFORMING.indexOf(from, at + 1) >= 0) {
    throw new Error(`variant: ${JSON.stringify(from)} must occur exactly once in the example`);
  }
  return CONFORMING.slice(0, at) + to + CONFORMING.slice(at + from.length);
}

function parse(turtle: string): Quad[] {
  return new Parser({ format: "text/turtle" }).parse(turtle);
}

async function validate(turtle: string): Promise<ShaclReport> {
  return validateShacl(parse(turtle));
}

/** The (focus node, path, shape, constraint) of each result, for exact comparison. */
function failures(report: ShaclReport): string[][] {
  return report.results.map((r) => [r.focusNode, r.path ?? "", r.sourceShape, r.constraint]);
}

describe("validateShacl on a conforming example", () => {
  it("conforms, with no results", async () => {
    const report = await validate(CONFORMING);
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it("conforms when the claim is uncited, flagged so, and cites nothing", async () => {
    const report = await validate(
      variant(
        "cg:uncited false ;\n  cito:citesAsEvidence kb:work-1 ;\n  cg:viaReference kb:ref-1 ;",
        "cg:uncited true ;",
      ),
    );
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it("validates the union of all graphs, ignoring graph names", async () => {
    const graph = DataFactory.namedNode(`${KB}assertion`);
    const quads = parse(CONFORMING).map((q) =>
      DataFactory.quad(q.subject, q.predicate, q.object, graph),
    );
    const report = await validateShacl(quads);
    expect(report.results).toEqual([]);
  });
});

describe("validateShacl with shapes given as Turtle", () => {
  const shapes = `
    @prefix cg: <https://w3id.org/claimgraph/vocab#> .
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    <urn:test:LabelledClaim> a sh:NodeShape ;
      sh:targetClass cg:Claim ;
      sh:property [ sh:path cg:displayText ; sh:minCount 1 ; sh:message "needs display text" ] .
  `;

  it("follows the ontology's class hierarchy: a cg:ProseClaim is a cg:Claim", async () => {
    const data = parse("<urn:test:c> a <https://w3id.org/claimgraph/vocab#ProseClaim> .");
    const report = await validateShacl(data, shapes);
    expect(report.results).toEqual([
      {
        focusNode: "urn:test:c",
        path: `${CG}displayText`,
        message: "needs display text",
        severity: "Violation",
        constraint: "MinCountConstraintComponent",
        sourceShape: "urn:test:LabelledClaim",
      },
    ]);
  });

  it("reports blank nodes as _:label and sorts results by focus node", async () => {
    const data = parse(`
      @prefix cg: <https://w3id.org/claimgraph/vocab#> .
      <urn:test:b> a cg:Claim . <urn:test:a> a cg:Claim . _:x a cg:Claim .
    `);
    const report = await validateShacl(data, shapes);
    expect(report.results.map((r) => r.focusNode)).toEqual([
      expect.stringMatching(/^_:/),
      "urn:test:a",
      "urn:test:b",
    ]);
  });
});

describe("validateShacl rejects", () => {
  it("a claim with no citation and no uncited flag", async () => {
    const report = await validate(
      variant(
        "cg:uncited false ;\n  cito:citesAsEvidence kb:work-1 ;\n  cg:viaReference kb:ref-1 ;",
        "",
      ),
    );
    expect(report.conforms).toBe(false);
    expect(failures(report)).toEqual([
      [`${KB}claim-1`, "", `${CGSH}ClaimCitationShape`, "XoneConstraintComponent"],
      [`${KB}claim-1`, `${CG}uncited`, `${CGSH}ClaimShape`, "MinCountConstraintComponent"],
    ]);
  });

  it("a claim flagged uncited false that cites nothing", async () => {
    const report = await validate(
      variant("  cito:citesAsEvidence kb:work-1 ;\n  cg:viaReference kb:ref-1 ;\n", ""),
    );
    expect(failures(report)).toEqual([
      [`${KB}claim-1`, "", `${CGSH}ClaimCitationShape`, "XoneConstraintComponent"],
    ]);
  });

  it("a claim flagged uncited true that has a citation", async () => {
    const report = await validate(variant("cg:uncited false ;", "cg:uncited true ;"));
    expect(report.conforms).toBe(false);
    expect(failures(report)).toEqual([
      [`${KB}claim-1`, "", `${CGSH}ClaimCitationShape`, "XoneConstraintComponent"],
    ]);
  });

  it("a citation that points to something other than a fabio:Work", async () => {
    const report = await validate(
      variant("cito:citesAsEvidence kb:work-1 ;", "cito:citesAsEvidence kb:ref-1 ;"),
    );
    expect(report.conforms).toBe(false);
    expect(failures(report)).toEqual([
      [`${KB}claim-1`, `${CITO}citesAsEvidence`, `${CGSH}ClaimShape`, "ClassConstraintComponent"],
    ]);
    expect(report.results[0]?.value).toBe(`${KB}ref-1`);
  });

  it("a citation that goes through something other than a cg:Reference", async () => {
    const report = await validate(
      variant("cg:viaReference kb:ref-1 ;", "cg:viaReference kb:work-1 ;"),
    );
    expect(failures(report)).toEqual([
      [`${KB}claim-1`, `${CG}viaReference`, `${CGSH}ClaimShape`, "ClassConstraintComponent"],
    ]);
  });

  it("a claim that cites a work through no reference entry", async () => {
    const report = await validate(variant("  cg:viaReference kb:ref-1 ;\n", ""));
    expect(failures(report)).toEqual([
      [`${KB}claim-1`, "", `${CGSH}ClaimCitationShape`, "XoneConstraintComponent"],
    ]);
  });

  it("an identifier a document states that is not marked unverified", async () => {
    const report = await validate(
      variant(
        'cg:confidence "stated" ;\n  cg:unverified true ;',
        'cg:confidence "stated" ;\n  cg:unverified false ;',
      ),
    );
    expect(failures(report)).toEqual([
      [`${KB}work-1-nbk`, "", `${CGSH}IdentifierConfidenceShape`, "OrConstraintComponent"],
    ]);
  });

  it("a work whose evidence type is not one of the ontology's", async () => {
    const report = await validate(
      variant("cg:evidenceType cg:TertiaryReferenceWork ;", "cg:evidenceType cg:Guess ;"),
    );
    expect(failures(report)).toEqual([
      [`${KB}work-1`, `${CG}evidenceType`, `${CGSH}WorkShape`, "InConstraintComponent"],
    ]);
  });

  it("a quote without a text quote selector", async () => {
    const report = await validate(
      variant(
        "oa:hasSelector kb:claim-1-text , kb:claim-1-position .",
        "oa:hasSelector kb:claim-1-position .",
      ),
    );
    expect(report.conforms).toBe(false);
    expect(failures(report)).toEqual([
      [
        `${KB}claim-1-quote`,
        `${OA}hasSelector`,
        `${CGSH}QuoteShape`,
        "MinCountConstraintComponent",
      ],
      [
        `${KB}claim-1-quote`,
        `${OA}hasSelector`,
        `${CGSH}QuoteShape`,
        "QualifiedMinCountConstraintComponent",
      ],
    ]);
    expect(report.results[1]?.message).toMatch(/TextQuoteSelector/);
  });

  it("a quote whose second selector is not a text quote selector", async () => {
    const report = await validate(
      variant("kb:claim-1-text a oa:TextQuoteSelector ;", "kb:claim-1-text a oa:CssSelector ;"),
    );
    expect(failures(report)).toEqual([
      [
        `${KB}claim-1-quote`,
        `${OA}hasSelector`,
        `${CGSH}QuoteShape`,
        "QualifiedMinCountConstraintComponent",
      ],
    ]);
  });

  it('an identifier of confidence "likely" that is not marked unverified', async () => {
    const report = await validate(
      variant(
        'cg:confidence "likely" ;\n  cg:unverified true ;',
        'cg:confidence "likely" ;\n  cg:unverified false ;',
      ),
    );
    expect(report.conforms).toBe(false);
    expect(failures(report)).toEqual([
      [`${KB}fluoxetine-chebi`, "", `${CGSH}IdentifierConfidenceShape`, "OrConstraintComponent"],
    ]);
  });

  it("a source document whose sha256 is not 64 lower case hex digits", async () => {
    const report = await validate(variant('"9289e7fc', '"9289E7FC'));
    expect(report.conforms).toBe(false);
    expect(failures(report)).toEqual([
      [`${KB}doc`, `${CG}sha256`, `${CGSH}SourceDocumentShape`, "PatternConstraintComponent"],
    ]);
  });

  it("a claim typed only by a subclass of cg:Claim that lacks a display text", async () => {
    const report = await validate(
      variant(
        '  cg:displayText "Desipramine\'s primary target is the norepinephrine transporter (NET)." ;\n',
        "",
      ),
    );
    expect(failures(report)).toEqual([
      [`${KB}claim-1`, `${CG}displayText`, `${CGSH}ClaimShape`, "MinCountConstraintComponent"],
    ]);
  });
});

describe("formatShaclReport", () => {
  it("says when the data conforms", async () => {
    expect(formatShaclReport(await validate(CONFORMING))).toBe("SHACL: conforms.");
  });

  it("lists each failing node with the path, message and shape", async () => {
    const report = await validate(variant('"9289e7fc', '"9289E7FC'));
    const text = formatShaclReport(report);
    expect(text.split("\n")).toEqual([
      "SHACL: 1 result(s).",
      `${KB}doc`,
      `  Violation ${CG}sha256: ${report.results[0]?.message} (value "9289E7FC205e6902ba9392a5ca9fc10da1ad421082881c41b0595b5310710dd7") [${CGSH}SourceDocumentShape]`,
    ]);
  });
});

describe("validateShacl on the statements of table cells", () => {
  const statement = (body: string) =>
    `@prefix cg: <${CG}> .\n@prefix kb: <${KB}> .\nkb:s ${body} .\n`;

  it.each([
    [
      "an adverse-effect statement with a frequency off the scale",
      "a cg:AdverseEffectStatement ; cg:drug kb:d ; cg:effect kb:e ; cg:frequency cg:Sometimes",
      "AdverseEffectStatementShape",
      `${CG}frequency`,
    ],
    [
      "an adverse-effect statement without a drug",
      "a cg:AdverseEffectStatement ; cg:effect kb:e ; cg:frequency cg:LowRisk",
      "AdverseEffectStatementShape",
      `${CG}drug`,
    ],
    [
      "a comparison statement without a direction",
      "a cg:ComparisonStatement ; cg:armA kb:a ; cg:armB kb:b ; cg:condition kb:c",
      "ComparisonStatementShape",
      `${CG}direction`,
    ],
    [
      "a stated identifier without its value",
      'a cg:StatedIdentifier ; cg:about kb:d ; cg:scheme "cas"',
      "StatedIdentifierShape",
      `${CG}statedValue`,
    ],
    [
      "an unstated value without its status",
      "a cg:UnstatedValue ; cg:about kb:d ; cg:onProperty cg:keyMechanism",
      "UnstatedValueShape",
      `${CG}cellStatus`,
    ],
  ])("%s", async (_name, body, shape, path) => {
    const report = await validate(statement(body));
    expect(report.conforms).toBe(false);
    expect(report.results.map((r) => [r.sourceShape, r.path])).toEqual([[`${CGSH}${shape}`, path]]);
  });

  it("conforms for each statement written whole", async () => {
    const report = await validate(
      statement(
        "a cg:AdverseEffectStatement ; cg:drug kb:d ; cg:effect kb:e ; cg:frequency cg:LowRisk",
      ),
    );
    expect(report.results).toEqual([]);
  });
});
