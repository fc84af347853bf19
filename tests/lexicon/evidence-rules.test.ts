// The evidence type of a cited work, inferred by the rules of ontology/lexicon/evidence.tsv from
// what its reference entry gives, each inference recording its rule; refined by the document's
// protocol bullets; overridden by curation, which says so.
import { describe, expect, it } from "vitest";
import { buildDocs, WORKS_HEADER, workOf } from "../helpers/references.ts";

const typeOf = (entry: string, protocols?: readonly string[]) => {
  const work = workOf(buildDocs({ doc: { references: [entry], protocols } }), "doc", 1);
  return [work.evidenceType, work.evidenceRule];
};

describe("evidence rules", () => {
  it.each([
    // NCBI Bookshelf and StatPearls: tertiary reference works
    [
      "Desipramine ... [https://www.ncbi.nlm.nih.gov/books/NBK470400/]",
      "TertiaryReferenceWork",
      "host:ncbi-bookshelf",
    ],
    ["Desipramine [ncbi.nlm.nih.gov/books]", "TertiaryReferenceWork", "host:ncbi-bookshelf"],
    ["Desipramine [NBK470400]", "TertiaryReferenceWork", "identifier:ncbi-bookshelf"],
    [
      "Desipramine - StatPearls - NCBI Bookshelf - NIH [ncbi.nlm.nih.gov]",
      "TertiaryReferenceWork",
      "title:statpearls",
    ],
    [
      "Desipramine - NCBI Bookshelf [ncbi.nlm.nih.gov]",
      "TertiaryReferenceWork",
      "title:ncbi-bookshelf",
    ],
    // reference databases compile what others published: tertiary, whatever the page's path
    [
      "Zorbatine: Uses, Interactions, Mechanism of Action | DrugBank Online [go.drugbank.com]",
      "TertiaryReferenceWork",
      "host:reference-database",
    ],
    [
      "Quellamide [https://pubchem.ncbi.nlm.nih.gov/compound/90000001]",
      "TertiaryReferenceWork",
      "host:reference-database",
    ],
    [
      "Examplorin ligand page [www.guidetopharmacology.org]",
      "TertiaryReferenceWork",
      "host:reference-database",
    ],
    [
      "Zorbatine target report [https://www.ebi.ac.uk/chembl/compound_report_card/CHEMBL0]",
      "TertiaryReferenceWork",
      "host:reference-database",
    ],
    [
      "Zorbatine | DrugBank Online [example.org]",
      "TertiaryReferenceWork",
      "title:reference-database",
    ],
    // encyclopaedias and clinical references: tertiary
    [
      "Zorbatine [https://en.wikipedia.org/wiki/Zorbatine]",
      "TertiaryReferenceWork",
      "host:reference-work",
    ],
    ["Zorbatine overdose [www.msdmanuals.com]", "TertiaryReferenceWork", "host:reference-work"],
    ["Zorbatine dosing [reference.medscape.com]", "TertiaryReferenceWork", "host:reference-work"],
    // consumer health sites, with or without www.
    ["Zorbatine leaflet [patient.info]", "ConsumerHealthPage", "host:consumer-health"],
    ["Living with anxiety [www.nami.org]", "ConsumerHealthPage", "host:consumer-health"],
    [
      "Antidepressant Side Effects ... [healthline.com]",
      "ConsumerHealthPage",
      "host:consumer-health",
    ],
    [
      "Desipramine oral [https://www.webmd.com/drugs/2/drug-8605]",
      "ConsumerHealthPage",
      "host:consumer-health",
    ],
    ["Desipramine [drugs.com]", "ConsumerHealthPage", "host:consumer-health"],
    ["What are TCAs? [medicalnewstoday.com]", "ConsumerHealthPage", "host:consumer-health"],
    ["Antidepressants [www.mayoclinic.org]", "ConsumerHealthPage", "host:consumer-health"],
    ["SSRIs explained [verywellmind.com]", "ConsumerHealthPage", "host:consumer-health"],
    // a consumer page that calls itself a review is still a consumer page
    ["A review of antidepressants [healthline.com]", "ConsumerHealthPage", "host:consumer-health"],
    // Cochrane: systematic reviews
    [
      "Tricyclic antidepressants for depression [cochranelibrary.com]",
      "SystematicReview",
      "host:cochrane",
    ],
    // titles that say what they are
    [
      "SSRIs versus TCAs: a meta-analysis of ... [pubmed.ncbi.nlm.nih.gov]",
      "MetaAnalysis",
      "title:meta-analysis",
    ],
    [
      "Antidepressant augmentation in OCD: a systematic review [https://doi.org/10.1000/xyz123]",
      "SystematicReview",
      "title:systematic-review",
    ],
    ["Desipramine: a review of its pharmacology [sciencedirect.com]", "Review", "title:review"],
    // other journal and PubMed entries: primary research
    [
      "Fluoxetine but not desipramine ... [https://pubmed.ncbi.nlm.nih.gov/12183009/]",
      "PrimaryResearch",
      "identifier:pmid",
    ],
    [
      "Reviewing the arrestin pathway [10.1074/jbc.M111.261578]",
      "PrimaryResearch",
      "identifier:doi",
    ],
    ["Arrestin-biased ligand [PMC3181695]", "PrimaryResearch", "identifier:pmc"],
    ["Addition of desipramine to ... [pubmed.ncbi.nlm.nih.gov]", "PrimaryResearch", "host:pubmed"],
    ["The Antidepressant Desipramine ... [pmc.ncbi.nlm.nih.gov]", "PrimaryResearch", "host:pmc"],
    ["The SSRIs drug Fluoxetine ... [sciencedirect.com]", "PrimaryResearch", "host:journal"],
    ["Stimulatory effect of fluoxetine ... [frontiersin.org]", "PrimaryResearch", "host:journal"],
  ])("%s → %s (%s)", (entry, type, rule) => {
    expect(typeOf(entry)).toEqual([type, rule]);
  });

  it.each([
    [
      "**Memory in Depression [1]:** A randomized clinical trial where patients with major depression were assigned to Desipramine (n=9) or Fluoxetine (n=8).",
      "ClinicalStudy",
      "protocol:human-subjects",
    ],
    [
      "**Cancer Metastasis [1]:** Balb/c male mice received intraperitoneal injections of Desipramine (10 mg/kg) for 14 days.",
      "PreclinicalStudy",
      "protocol:animals-or-cells",
    ],
    [
      "**Binding [1]:** *In vitro* studies used HEK 293 cells stably expressing the receptor.",
      "PreclinicalStudy",
      "protocol:animals-or-cells",
    ],
    // a bullet describing both patients and mice does not decide: primary research stays
    [
      "**Both [1]:** Patients with depression and wild-type mice were given Desipramine.",
      "PrimaryResearch",
      "host:pubmed",
    ],
  ])("primary research refined by the protocol bullet citing it: %s", (bullet, type, rule) => {
    expect(typeOf("A study of desipramine [pubmed.ncbi.nlm.nih.gov]", [bullet])).toEqual([
      type,
      rule,
    ]);
  });

  it("leave a work no rule knows unknown, with no rule, beside one they know", () => {
    const kb = buildDocs({
      doc: {
        references: [
          "Notes on desipramine [archive.example.com]",
          "A hostile locator [javascript:alert(1)]",
          "Antidepressant Side Effects ... [healthline.com]",
        ],
      },
    });
    const typed = [1, 2, 3].map((n) => {
      const work = workOf(kb, "doc", n);
      return [work.evidenceType, work.evidenceRule];
    });
    expect(typed).toEqual([
      ["UnknownEvidence", undefined],
      ["UnknownEvidence", undefined],
      ["ConsumerHealthPage", "host:consumer-health"],
    ]);
  });

  it("does not refine what is not primary research", () => {
    const bullet = "**Memory [1]:** A randomized clinical trial in patients with depression.";
    expect(typeOf("Desipramine [healthline.com]", [bullet])).toEqual([
      "ConsumerHealthPage",
      "host:consumer-health",
    ]);
  });
});

describe("curation", () => {
  const entry = "Antidepressant Side Effects ... [healthline.com]";

  it("overrides the rules and says so", () => {
    const kb = buildDocs(
      { doc: { references: [entry] } },
      `${WORKS_HEADER}healthline\tAntidepressant Side Effects\t\tClinicalStudy\t\n`,
    );
    const work = workOf(kb, "doc", 1);
    expect([work.evidenceType, work.evidenceRule]).toEqual(["ClinicalStudy", "curation"]);
  });

  it("may leave the evidence type to the rules, adding only a title", () => {
    const kb = buildDocs(
      { doc: { references: [entry] } },
      `${WORKS_HEADER}healthline\tAntidepressant Side Effects\tAntidepressant Side Effects: Types\t\t\n`,
    );
    const work = workOf(kb, "doc", 1);
    expect([work.title, work.evidenceType, work.evidenceRule]).toEqual([
      "Antidepressant Side Effects: Types",
      "ConsumerHealthPage",
      "host:consumer-health",
    ]);
  });
});
