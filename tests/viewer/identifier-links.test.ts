// Identifiers link to their resolvers over https (#13 point 7): one address per scheme, built
// only from an identifier matching the scheme's pattern whole; hostile identifiers (a
// javascript: address, spaces, quotes, markup, a path that climbs out) and unknown schemes
// give no address, so the panel shows them as text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeHref } from "../../src/viewer/dom.ts";
import { identifierUrl } from "../../src/viewer/identifier-links.ts";

describe("identifierUrl", () => {
  it.each([
    ["pmid:12183009", "https://pubmed.ncbi.nlm.nih.gov/12183009/"],
    ["PMID:9286191", "https://pubmed.ncbi.nlm.nih.gov/9286191/"],
    ["doi:10.1016/s0361-9230(01)00780-8", "https://doi.org/10.1016/s0361-9230(01)00780-8"],
    ["doi:10.1074/jbc.M111.261578", "https://doi.org/10.1074/jbc.M111.261578"],
    ["pmc:PMC1234567", "https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/"],
    ["uniprot:P23975", "https://www.uniprot.org/uniprotkb/P23975/entry"],
    ["uniprot:A0A023GPI8", "https://www.uniprot.org/uniprotkb/A0A023GPI8/entry"],
    ["chebi:47781", "https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:47781"],
    ["chebi:CHEBI:5118", "https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:5118"],
    ["drugbank:DB01151", "https://go.drugbank.com/drugs/DB01151"],
    ["pubchem.compound:2995", "https://pubchem.ncbi.nlm.nih.gov/compound/2995"],
    ["mesh:D003865", "https://meshb.nlm.nih.gov/record/ui?ui=D003865"],
    ["mesh:C035133", "https://meshb.nlm.nih.gov/record/ui?ui=C035133"],
  ])("%s → %s", (curie, url) => {
    expect(identifierUrl(curie)).toBe(url);
    // What the panel's link() will accept as it is.
    expect(safeHref(identifierUrl(curie))).toBe(url);
  });

  it.each([
    // Hostile: a scheme of its own, or markup, quotes, spaces and escapes in the local part.
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "pmid:javascript:alert(1)",
    "doi:javascript:alert(1)",
    "pmid:123 456",
    "pmid: 12183009",
    "pmid:12183009 ",
    'pmid:1"onmouseover="alert(1)',
    'doi:10.1000/x"><script>alert(1)</script>',
    "doi:10.1000/a b",
    "doi:10.1000/x'y",
    "doi:10.1000/x?y=1",
    "doi:10.1000/x#y",
    "doi:10.1000/%2e%2e",
    "doi:javascript://10.1000/x",
    "uniprot:P23975/../../evil",
    "drugbank:DB01151\n",
    "drugbank:DB1151",
    "mesh:D003865<",
    "chebi:CHEBI:",
    "pmc:1234567",
    "pubchem.compound:0",
    "pubchem.compound:-1",
    // Schemes without a resolver here, and no scheme at all.
    "cas:50-47-5",
    "atc:N06AA01",
    "url:https://example.org/",
    "statpearls.article:20405",
    "12183009",
    ":12183009",
    "",
  ])("%j stays text (no address)", (curie) => {
    expect(identifierUrl(curie)).toBeNull();
  });

  it("any address it gives is https, on the scheme's resolver, and free of quotes, spaces and markup", () => {
    const hosts: Record<string, string> = {
      pmid: "pubmed.ncbi.nlm.nih.gov",
      doi: "doi.org",
      pmc: "pmc.ncbi.nlm.nih.gov",
      uniprot: "www.uniprot.org",
      chebi: "www.ebi.ac.uk",
      drugbank: "go.drugbank.com",
      "pubchem.compound": "pubchem.ncbi.nlm.nih.gov",
      mesh: "meshb.nlm.nih.gov",
    };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(hosts)), fc.string(), (scheme, id) => {
        const url = identifierUrl(`${scheme}:${id}`);
        if (url === null) return;
        expect(url).not.toMatch(/[\s"'<>\\`]/);
        const parsed = new URL(url);
        expect(parsed.protocol).toBe("https:");
        expect(parsed.host).toBe(hosts[scheme]);
      }),
      { numRuns: 2000 },
    );
  });
});
