// Reference entries resolve to works: entries that state the same identifier are one work, in
// one document or several; entries without identifiers are a work each (by title, as before);
// curation still merges what no identifier joins. Identifiers a document states are kept as
// stated; checked ones come only from ontology/identifiers.tsv.
import { describe, expect, it } from "vitest";
import { buildDocs, referenceOf, WORKS_HEADER, workOf } from "../helpers/references.ts";

describe("works", () => {
  const kb = buildDocs({
    a: {
      references: [
        "Fluoxetine but not desipramine improves memory ... [https://pubmed.ncbi.nlm.nih.gov/12183009/]",
        "The SSRIs drug Fluoxetine, but not the noradrenergic ... [pubmed.ncbi.nlm.nih.gov/12183009]",
        "A DOI in capitals [https://doi.org/10.1016/S0361-9230(01)00780-8]",
        "Chronic desipramine ... [pmc.ncbi.nlm.nih.gov]",
        "Chronic desipramine ... [journals.example.org]",
        "Another work [https://pubmed.ncbi.nlm.nih.gov/9286191/]",
      ],
    },
    b: {
      references: [
        "Fluoxetine and memory (other list) [https://pubmed.ncbi.nlm.nih.gov/12183009/]",
        "The same DOI in lower case [10.1016/s0361-9230(01)00780-8.]",
        "Same title, other PMID [https://pubmed.ncbi.nlm.nih.gov/11111111/]",
        "Same title, other PMID [https://pubmed.ncbi.nlm.nih.gov/22222222/]",
      ],
    },
  });

  it("are one work when their entries state the same PMID, in one document or two", () => {
    const work = workOf(kb, "a", 1);
    expect(work.key).toBe("pmid-12183009");
    expect(workOf(kb, "a", 2)).toBe(work);
    expect(workOf(kb, "b", 1)).toBe(work);
    expect(work.statedIdentifiers).toEqual([{ scheme: "pmid", id: "12183009" }]);
    expect(work.identifiers).toEqual([]);
  });

  it("are one work when their entries state the same DOI, whatever its case", () => {
    expect(workOf(kb, "b", 2)).toBe(workOf(kb, "a", 3));
    expect(workOf(kb, "a", 3).key).toBe("doi-10-1016-s0361-9230-01-00780-8");
  });

  it("are separate works when they state different identifiers, even under one title", () => {
    expect(workOf(kb, "b", 3)).not.toBe(workOf(kb, "b", 4));
    expect(workOf(kb, "a", 6)).not.toBe(workOf(kb, "a", 1));
  });

  it("without identifiers are a work per title, typed by the first rule one of its entries meets", () => {
    const work = workOf(kb, "a", 4);
    expect(workOf(kb, "a", 5)).toBe(work);
    expect([work.key, work.evidenceType, work.evidenceRule]).toEqual([
      "title-chronic-desipramine",
      "PrimaryResearch",
      "host:pmc",
    ]);
  });

  it("keep the host as the host and the brackets as given", () => {
    expect(referenceOf(kb, "a", 3)).toMatchObject({
      host: "doi.org",
      locator: "https://doi.org/10.1016/S0361-9230(01)00780-8",
    });
    expect(referenceOf(kb, "b", 2)).toMatchObject({ host: undefined });
  });

  it("never gain an identifier the document does not state or a record does not give", () => {
    const all = kb.works.flatMap((w) => [...w.identifiers, ...w.statedIdentifiers]);
    expect(all.map((i) => `${i.scheme}:${i.id}`).sort()).toEqual([
      "doi:10.1016/S0361-9230(01)00780-8",
      "pmid:11111111",
      "pmid:12183009",
      "pmid:22222222",
      "pmid:9286191",
    ]);
  });
});

describe("curation", () => {
  // The seed's [4] and [5]: one title at two hosts, joined by a works.tsv row whose identifiers
  // (PMID 12183009, confirmed) come from ontology/identifiers.tsv.
  const row = `${WORKS_HEADER}memory\tThe SSRIs drug Fluoxetine, but not the noradrenergic\t\tClinicalStudy\t[4] and [5] Fluoxetine but not desipramine improves memory\n`;
  const kb = buildDocs(
    {
      a: {
        references: [
          "The SSRIs drug Fluoxetine, but not the noradrenergic ... [pubmed.ncbi.nlm.nih.gov]",
          "The SSRIs drug Fluoxetine, but not the noradrenergic ... [sciencedirect.com]",
        ],
      },
      b: { references: ["Memory in depression [https://pubmed.ncbi.nlm.nih.gov/12183009/]"] },
    },
    row,
  );

  it("still merges entries no identifier joins, and an entry stating the work's checked PMID joins it", () => {
    const work = workOf(kb, "b", 1);
    expect(workOf(kb, "a", 2)).toBe(workOf(kb, "a", 1));
    expect(work).toBe(workOf(kb, "a", 1));
    expect(work.key).toBe("pmid-12183009");
    expect([work.evidenceType, work.evidenceRule]).toEqual(["ClinicalStudy", "curation"]);
    expect(work.identifiers.map((i) => `${i.scheme}:${i.id}:${i.confidence}`)).toEqual([
      "pmid:12183009:confirmed",
      "doi:10.1016/s0361-9230(01)00780-8:confirmed",
    ]);
    expect(work.statedIdentifiers).toEqual([{ scheme: "pmid", id: "12183009" }]);
  });
});
