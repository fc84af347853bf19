// What a reference entry's brackets give: the host, and the identifiers the text spells out.
// Every shape the template lets the bracket take, and what must give nothing.
import { describe, expect, it } from "vitest";
import { parseLocator } from "../../src/document/locator.ts";
import { parseDocument } from "../../src/document/parse.ts";

const ids = (...list: string[]) =>
  list.map((s) => {
    const colon = s.indexOf(":");
    return { scheme: s.slice(0, colon), id: s.slice(colon + 1) };
  });

describe("parseLocator", () => {
  it.each([
    // a bare host, as the seed gives it
    ["pubmed.ncbi.nlm.nih.gov", "pubmed.ncbi.nlm.nih.gov", ""],
    ["healthline.com", "healthline.com", ""],
    ["WWW.WebMD.com", "www.webmd.com", ""],
    // PubMed addresses
    ["https://pubmed.ncbi.nlm.nih.gov/12183009/", "pubmed.ncbi.nlm.nih.gov", "pmid:12183009"],
    ["https://pubmed.ncbi.nlm.nih.gov/12183009", "pubmed.ncbi.nlm.nih.gov", "pmid:12183009"],
    ["http://www.ncbi.nlm.nih.gov/pubmed/9286191", "www.ncbi.nlm.nih.gov", "pmid:9286191"],
    ["pubmed.ncbi.nlm.nih.gov/37409130/", "pubmed.ncbi.nlm.nih.gov", "pmid:37409130"],
    // doi.org links, bare DOIs and doi: prefixes
    [
      "https://doi.org/10.1016/s0361-9230(01)00780-8",
      "doi.org",
      "doi:10.1016/s0361-9230(01)00780-8",
    ],
    [
      "https://dx.doi.org/10.3389/fimmu.2023.1160977",
      "dx.doi.org",
      "doi:10.3389/fimmu.2023.1160977",
    ],
    ["https://doi.org/10.1074%2Fjbc.M111.261578", "doi.org", "doi:10.1074/jbc.M111.261578"],
    ["doi.org/10.1074/jbc.M111.261578", "doi.org", "doi:10.1074/jbc.M111.261578"],
    ["10.1074/jbc.M111.261578", undefined, "doi:10.1074/jbc.M111.261578"],
    ["10.1074/jbc.M111.261578.", undefined, "doi:10.1074/jbc.M111.261578"],
    ["10.1074/jbc.M111.261578);", undefined, "doi:10.1074/jbc.M111.261578"],
    ["10.1016/s0361-9230(01)00780-8.", undefined, "doi:10.1016/s0361-9230(01)00780-8"],
    ["doi:10.3389/fimmu.2023.1160977", undefined, "doi:10.3389/fimmu.2023.1160977"],
    ["DOI:10.3389/fimmu.2023.1160977,", undefined, "doi:10.3389/fimmu.2023.1160977"],
    // PMC ids
    ["https://pmc.ncbi.nlm.nih.gov/articles/PMC3181695/", "pmc.ncbi.nlm.nih.gov", "pmc:PMC3181695"],
    [
      "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3181695/",
      "www.ncbi.nlm.nih.gov",
      "pmc:PMC3181695",
    ],
    ["PMC3181695", undefined, "pmc:PMC3181695"],
    ["pmcid:PMC3181695", undefined, "pmc:PMC3181695"],
    // NCBI Bookshelf ids
    ["https://www.ncbi.nlm.nih.gov/books/NBK470400/", "www.ncbi.nlm.nih.gov", "nbk:NBK470400"],
    ["ncbi.nlm.nih.gov/books/NBK470400", "ncbi.nlm.nih.gov", "nbk:NBK470400"],
    ["NBK470400", undefined, "nbk:NBK470400"],
    // prefixes without a colon
    ["PMID 90000001", undefined, "pmid:90000001"],
    ["PMCID PMC9900001", undefined, "pmc:PMC9900001"],
    // Europe PMC addresses spell out the PubMed or PMC record they show
    ["https://europepmc.org/article/MED/90000001", "europepmc.org", "pmid:90000001"],
    ["europepmc.org/abstract/MED/90000002/", "europepmc.org", "pmid:90000002"],
    ["https://europepmc.org/article/PMC/PMC9900001", "europepmc.org", "pmc:PMC9900001"],
    ["https://europepmc.org/articles/PMC9900002", "europepmc.org", "pmc:PMC9900002"],
    // a host with a path that names no identifier
    ["ncbi.nlm.nih.gov/books", "ncbi.nlm.nih.gov", ""],
    ["https://www.healthline.com/health/antidepressant-side-effects", "www.healthline.com", ""],
    // a publisher's address holding a DOI-like path is a host, not a DOI: nothing is guessed
    [
      "https://www.frontiersin.org/articles/10.3389/fimmu.2023.1160977/full",
      "www.frontiersin.org",
      "",
    ],
    [
      "https://www.sciencedirect.com/science/article/pii/S0361923001007808",
      "www.sciencedirect.com",
      "",
    ],
    // an address whose path names a DOI as one (a "doi" segment), the page's view left out
    [
      "https://www.cochranelibrary.com/cdsr/doi/10.5555/ho.2026.0209/full",
      "www.cochranelibrary.com",
      "doi:10.5555/ho.2026.0209",
    ],
    [
      "https://www.cochranelibrary.com/cdsr/doi/10.5555/14651858.CD000001.pub2/epdf/full",
      "www.cochranelibrary.com",
      "doi:10.5555/14651858.CD000001.pub2",
    ],
    [
      "https://www.cochranelibrary.com/cdsr/doi/10.5555/14651858.CD000002.pub3/full/es",
      "www.cochranelibrary.com",
      "doi:10.5555/14651858.CD000002.pub3",
    ],
    [
      "https://onlinelibrary.wiley.com/doi/abs/10.5555/x.2026.77?af=R",
      "onlinelibrary.wiley.com",
      "doi:10.5555/x.2026.77",
    ],
    [
      "https://www.tandfonline.com/doi/full/10.5555/15622975.2026.1",
      "www.tandfonline.com",
      "doi:10.5555/15622975.2026.1",
    ],
  ])("%s → host %s, %s", (given, host, stated) => {
    const locator = parseLocator(given);
    expect(locator.host).toBe(host);
    expect(locator.identifiers).toEqual(stated === "" ? [] : ids(stated));
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "mailto:info@example.com",
    "https://user:secret@pubmed.ncbi.nlm.nih.gov/12183009/",
    "https://",
    "??!!",
    "localhost",
    "not_a_host.com",
    "-bad-.com",
    "host.123",
    "doi:11.1000/x",
    "doi:10.1000/",
    "pmid:abc",
    "10.12/too-short-registrant",
    "",
  ])("%s gives no host and no identifier", (given) => {
    const locator = parseLocator(given);
    expect(locator.host).toBeUndefined();
    expect(locator.identifiers).toEqual([]);
  });

  it("keeps the address of an http(s) locator, and none for a bare host", () => {
    expect(parseLocator("https://pubmed.ncbi.nlm.nih.gov/12183009/").address).toBe(
      "https://pubmed.ncbi.nlm.nih.gov/12183009/",
    );
    expect(parseLocator("pubmed.ncbi.nlm.nih.gov").address).toBeUndefined();
  });
});

describe("a reference entry", () => {
  const text = [
    "# Title",
    "",
    "A sentence [1] [2] [3] [4].",
    "",
    "## References",
    "",
    "1. Fluoxetine but not desipramine ... [https://pubmed.ncbi.nlm.nih.gov/12183009/]",
    "2. Antidepressant side effects [healthline.com]",
    "3. A DOI given bare ... [10.1016/s0361-9230(01)00780-8]",
    "4. A hostile locator [javascript:alert(1)]",
    "",
  ].join("\n");

  it("keeps its brackets as given and reads the host and identifiers from them", () => {
    const { document } = parseDocument("refs.md", new TextEncoder().encode(text));
    expect(
      document?.references.map((r) => ({
        n: r.number,
        locator: r.locator,
        host: r.host,
        ids: r.identifiers,
      })),
    ).toEqual([
      {
        n: 1,
        locator: "https://pubmed.ncbi.nlm.nih.gov/12183009/",
        host: "pubmed.ncbi.nlm.nih.gov",
        ids: ids("pmid:12183009"),
      },
      { n: 2, locator: "healthline.com", host: "healthline.com", ids: [] },
      {
        n: 3,
        locator: "10.1016/s0361-9230(01)00780-8",
        host: undefined,
        ids: ids("doi:10.1016/s0361-9230(01)00780-8"),
      },
      { n: 4, locator: "javascript:alert(1)", host: undefined, ids: [] },
    ]);
  });
});

describe("parseLocator on long input", () => {
  // Dropping unmatched ")" counts the parentheses once, not once per ")" dropped.
  it("reads a DOI followed by 200,000 closing parentheses", () => {
    const locator = parseLocator(`10.1234/x${")".repeat(200_000)}`);
    expect(locator.identifiers).toEqual(ids("doi:10.1234/x"));
  });
});
