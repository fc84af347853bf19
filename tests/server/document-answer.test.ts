// `/api/document` on the seed, over HTTP: the document's display text from the knowledge base,
// every claim's spans reading exactly as its display quote (its raw quote cleaned), its kind
// and evidence, and every citation marker with the reference entry it points to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanText } from "../../src/document/clean.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import type { DocumentText } from "../../src/server/contract.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { rawRequest, SEED_KB, serveKb } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DOC = `${KB}doc/desipramine-vs-ssris`;
const REF_1 = `${KB}doc/desipramine-vs-ssris.ref-1`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;
/** "Desipramine primarily inhibits the norepinephrine (NE) transporter": uncited. */
const INHIBITS = `${KB}claim/desipramine-vs-ssris.desipramine.inhibits.4aaf37bab9a7`;
/** Cites [4] [5], a clinical trial. */
const MEMORY = `${KB}claim/desipramine-vs-ssris.fluoxetine.increases.15f7e1a8a9f6`;
const REF_4 = `${KB}doc/desipramine-vs-ssris.ref-4`;
const WORK_4_5 = `${KB}work/pmid-12183009`;
const STUDY = `${KB}study/desipramine-vs-ssris.memory-in-depression`;

let server: RunningServer;
let doc: DocumentText;

beforeAll(async () => {
  server = await serveKb();
  const r = await rawRequest(server.url, `/api/document?id=${encodeURIComponent(DOC)}`);
  expect(r.status).toBe(200);
  doc = JSON.parse(r.body) as DocumentText;
});
afterAll(() => server?.close());

const shown = (c: DocumentText["claims"][number]) =>
  c.spans.map(([s, e]) => (doc.text ?? "").slice(s, e)).join("");
const fold = (s: string) => s.replace(/\s+/g, " ");

describe("/api/document", () => {
  it("gives the display text: markup cleaned, TeX as Unicode, no raw tags", () => {
    expect(doc.id).toBe(DOC);
    expect(doc.title).toBe("Mechanisms of Action: A Comparative Overview");
    expect(doc.text).toContain("Arrestin-biased ligand at α2A-adrenergic receptors");
    expect(doc.text).toContain("Immunomodulation & Cancer Metastasis\tIncreased the number");
    expect(doc.text).not.toMatch(/<b>|\$\\|&amp;|\*\*/);
  });

  it("marks every claim of the document, each reading exactly as its display quote", async () => {
    const kg = await openKnowledgeGraph([SEED_KB]);
    const claims: string[] = [];
    kg.graph.forEachNode((id, a) => {
      if (a.kind === "claim" && a.location.document === DOC) claims.push(id);
    });
    expect(doc.claims.map((c) => c.id).sort()).toEqual(claims.sort());
    for (const c of doc.claims) {
      const quote = kg.claim(c.id)?.quote?.exact ?? "";
      expect(fold(shown(c)), c.id).toBe(cleanText(quote, 0).text);
    }
  });

  it("says each claim's kind, evidence and triple", () => {
    const byId = new Map(doc.claims.map((c) => [c.id, c]));
    expect(byId.get(PRIMARY_TARGET)).toMatchObject({
      kind: "TableCellClaim",
      evidence: "weak",
      title: "desipramine · primary target · norepinephrine transporter",
    });
    expect(shown(byId.get(PRIMARY_TARGET) as DocumentText["claims"][number])).toBe(
      "Norepinephrine Transporter (NET)",
    );
    expect(byId.get(INHIBITS)?.evidence).toBe("uncited");
    expect(byId.get(MEMORY)?.evidence).toBe("strong");
    expect(byId.get(PRIMARY_TARGET)?.nodes).toContain(REF_1);
  });

  it("lets a reference, its work and a study select the claims resting on them", () => {
    const selecting = (id: string) =>
      doc.claims
        .filter((c) => c.nodes.includes(id))
        .map((c) => c.id)
        .sort();
    expect(selecting(REF_4)).toContain(MEMORY);
    expect(selecting(WORK_4_5)).toEqual(selecting(REF_4));
    expect(selecting(STUDY)).toContain(MEMORY);
  });

  it("gives each citation marker with the reference entry it points to", () => {
    const text = doc.text ?? "";
    expect(doc.markers.length).toBeGreaterThanOrEqual(41);
    for (const m of doc.markers) {
      expect(text.slice(m.start, m.end)).toBe(`[${m.number}]`);
      expect(m.reference).toBe(`${DOC}.ref-${m.number}`);
    }
    const afterNet = text.indexOf("Norepinephrine Transporter (NET) [1]") + 33;
    expect(doc.markers.find((m) => m.start === afterNet)?.reference).toBe(REF_1);
    // "[2026]" in the footer points to no entry: it is no marker.
    expect(doc.markers.some((m) => m.number === 2026)).toBe(false);
  });

  it("answers the first document for an empty id, and 404 for a node that is not one", async () => {
    const first = await rawRequest(server.url, "/api/document?id=");
    expect(JSON.parse(first.body).id).toBe(DOC);
    for (const id of [PRIMARY_TARGET, "urn:x"]) {
      const r = await rawRequest(server.url, `/api/document?id=${encodeURIComponent(id)}`);
      expect(r.status, id).toBe(404);
    }
  });
});
