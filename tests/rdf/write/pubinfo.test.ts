// Each nanopublication's publication info (#14): when it was created (the document's stated
// date, or `--created`; never the clock), the software agent it is attributed to, with its
// version, and the activity that generated it. PROV-O's quotation relates the quote to the
// document. The exports, plain and trusty, conform to the shapes and parse in rapper and serdi.
import type { Quad } from "@rdfjs/types";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../../src/base/errors.ts";
import { VERSION } from "../../../src/base/version.ts";
import { type Built, build, render } from "../../../src/pipeline/pipeline.ts";
import { validateShacl } from "../../../src/rdf/check/shacl.ts";
import { CG, DCTERMS, OA, PROV, RDF, SCHEMA, XSD } from "../../../src/rdf/vocab/vocabulary.ts";
import {
  NO_CURATION,
  removeTemp,
  SECOND_SOURCES,
  SEED_SOURCES,
  seedBuild,
  writeTemp,
} from "../../helpers/build.ts";
import { rapperCheck, serdiCheck } from "../../helpers/external-validators.ts";
import { nanopubsOf } from "../../helpers/nanopub-sign.ts";

afterAll(removeTemp);

const SOFTWARE = `https://w3id.org/claimgraph/software/claimgraph-${VERSION}`;

/** The publication-info quads of each nanopublication, by its IRI. */
function pubinfos(built: Built): Map<string, Quad[]> {
  const out = new Map<string, Quad[]>();
  for (const [np, quads] of nanopubsOf(built.quads))
    out.set(
      np,
      quads.filter((q) => /[.#]pubinfo$/.test(q.graph.value)),
    );
  return out;
}

function objects(quads: readonly Quad[], s: string, p: { value: string }): Quad["object"][] {
  return quads
    .filter((q) => q.subject.value === s && q.predicate.value === p.value)
    .map((q) => q.object);
}

describe("publication info", () => {
  it("says when, by which software and in which activity each nanopublication was made", () => {
    const built = seedBuild();
    const doc = built.iris.document("desipramine-vs-ssris").value;
    const infos = pubinfos(built);
    expect(infos.size).toBeGreaterThan(0);
    for (const [np, quads] of infos) {
      const created = objects(quads, np, DCTERMS.created);
      expect(created.map((o) => o.value)).toEqual(["2026-02"]);
      expect(created[0]?.termType === "Literal" && created[0].datatype.value).toBe(
        XSD.gYearMonth.value,
      );
      expect(objects(quads, np, PROV.wasDerivedFrom).map((o) => o.value)).toEqual([doc]);
      expect(objects(quads, np, PROV.wasAttributedTo).map((o) => o.value)).toEqual([SOFTWARE]);
      expect(objects(quads, SOFTWARE, RDF.type).map((o) => o.value)).toEqual([
        PROV.SoftwareAgent.value,
      ]);
      expect(objects(quads, SOFTWARE, SCHEMA.softwareVersion).map((o) => o.value)).toEqual([
        VERSION,
      ]);
      expect(objects(quads, SOFTWARE, SCHEMA.name).map((o) => o.value)).toEqual(["claimgraph"]);
      const [activity, ...more] = objects(quads, np, PROV.wasGeneratedBy).map((o) => o.value);
      expect(more).toEqual([]);
      expect(objects(quads, activity as string, RDF.type).map((o) => o.value)).toEqual([
        PROV.Activity.value,
      ]);
      expect(objects(quads, activity as string, PROV.used).map((o) => o.value)).toEqual([doc]);
      expect(
        objects(quads, activity as string, PROV.wasAssociatedWith).map((o) => o.value),
      ).toEqual([SOFTWARE]);
    }
    expect(built.quads.some((q) => q.predicate.value === `${CG.iri}generatedBy`)).toBe(false);
  });

  it("takes --created over the document's date, typed by its form", () => {
    for (const [created, type] of [
      ["2026-03-04", XSD.date],
      ["2026-03-04T10:15:00Z", XSD.dateTime],
    ] as const) {
      const built = build({ sources: SEED_SOURCES, created });
      for (const [np, quads] of pubinfos(built)) {
        const [o, ...more] = objects(quads, np, DCTERMS.created);
        expect(more).toEqual([]);
        expect(o?.value).toBe(created);
        expect(o?.termType === "Literal" && o.datatype.value).toBe(type.value);
      }
    }
  });

  it("reads the second document's date (March 2026)", () => {
    const built = build({ sources: SECOND_SOURCES, curation: NO_CURATION });
    const values = [...pubinfos(built)].flatMap(([np, q]) => objects(q, np, DCTERMS.created));
    expect(new Set(values.map((o) => o.value))).toEqual(new Set(["2026-03"]));
  });

  it.each(["2026-02", "04/03/2026", "2026-02-30", "2026-02-01T10:00:00", "now"])(
    "refuses --created %j with a UsageError",
    (created) => {
      expect(() => build({ sources: SEED_SOURCES, created })).toThrow(UsageError);
    },
  );
});

describe("PROV-O quotation", () => {
  it("says the quote, not the assertion graph, was quoted from the document", () => {
    const quads = seedBuild().quads;
    const quoted = quads.filter((q) => q.predicate.equals(PROV.wasQuotedFrom));
    expect(quoted.length).toBe(seedBuild().kb.documents.flatMap((d) => d.claims).length);
    const quotes = new Set(
      quads
        .filter((q) => q.predicate.equals(RDF.type) && q.object.equals(OA.SpecificResource))
        .map((q) => q.subject.value),
    );
    for (const q of quoted) expect(quotes.has(q.subject.value), q.subject.value).toBe(true);
  });
});

describe("the exports with the new publication info", () => {
  it.each([
    ["plain", () => seedBuild()],
    ["trusty", () => build({ sources: SEED_SOURCES, trusty: true, created: "2026-03-04" })],
  ])("conform to the shapes and parse in rapper and serdi (%s)", async (name, make) => {
    const built = make();
    const report = await validateShacl(built.quads);
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
    // The shapes hold the publication info to it: without its agent, the dataset does not conform.
    const agentless = built.quads.filter((q) => !q.predicate.equals(PROV.wasAttributedTo));
    const broken = await validateShacl(agentless);
    expect(broken.conforms).toBe(false);
    expect(new Set(broken.results.map((r) => r.path))).toEqual(
      new Set([PROV.wasAttributedTo.value]),
    );
    const trig = writeTemp(`pubinfo-${name}.trig`, render(built, "trig"));
    const nq = writeTemp(`pubinfo-${name}.nq`, render(built, "nquads"));
    for (const r of [
      rapperCheck(trig, "trig"),
      serdiCheck(trig, "trig"),
      rapperCheck(nq, "nquads"),
      serdiCheck(nq, "nquads"),
    ])
      expect(r.ok, r.output).toBe(true);
  });
});
