// trace of a work enriched by `build --bibliography`: the citation carries what the
// bibliography gave and where each field came from (file, entry, how matched), valid against
// docs/trace.schema.json, and the text answer shows it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { build } from "../../src/pipeline/pipeline.ts";
import { renderTrace, style } from "../../src/trace/render.ts";
import { trace } from "../../src/trace/trace.ts";
import { ROOT, SEED_SOURCES } from "../helpers/build.ts";

const built = build({
  sources: SEED_SOURCES,
  bibliographies: [join(ROOT, "tests", "fixtures", "bibliography", "seed.bib")],
});
const kg = new KnowledgeGraph(graphFromQuads(built.quads));

const SCHEMA = JSON.parse(readFileSync(join(ROOT, "docs", "trace.schema.json"), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
ajv.addSchema(SCHEMA);

describe("trace of a work a bibliography enriched", () => {
  const r = trace(kg, "pmid:12183009");

  it("gives the bibliography's fields, each with its file, entry and match", () => {
    expect(r.match).toBe("work");
    expect(r.references[0]?.citation.bibliography).toEqual({
      match: "matched",
      candidates: ["seed.bib#levkovitz2002"],
      authors: ["Levkovitz, Y."],
      year: "2002",
      journal: "Brain Res Bull",
      conflicts: [],
      sources: [
        {
          property: "dcterms:creator",
          value: "Levkovitz, Y.",
          file: "seed.bib",
          entry: "levkovitz2002",
          matchedBy: "doi",
        },
        {
          property: "cg:journalTitle",
          value: "Brain Res Bull",
          file: "seed.bib",
          entry: "levkovitz2002",
          matchedBy: "doi",
        },
        {
          property: "dcterms:issued",
          value: "2002",
          file: "seed.bib",
          entry: "levkovitz2002",
          matchedBy: "doi",
        },
      ],
    });
    const v = ajv.getSchema(`${SCHEMA.$id}#/$defs/CitationJson`);
    expect(v?.(r.references[0]?.citation), ajv.errorsText(v?.errors)).toBe(true);
  });

  it("marks a work no entry matched, and shows both in the text answer", () => {
    const unmatched = trace(kg, "[7]").references[0]?.citation.bibliography;
    expect(unmatched).toMatchObject({ match: "unmatched", candidates: [], sources: [] });
    const text = renderTrace(kg, r, style(false));
    expect(text).toContain(
      "  biblio    Levkovitz, Y., 2002, Brain Res Bull  (seed.bib#levkovitz2002)",
    );
    expect(text).toContain("cg:journalTitle from seed.bib#levkovitz2002, matched by doi");
  });
});
