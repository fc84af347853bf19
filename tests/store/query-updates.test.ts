// `query` tells queries from updates with the SPARQL grammar, not a regex: an update dressed up
// to look like a query (a non-breaking space and a "#" in an IRI, other unicode spaces, lower
// case, PREFIX or BASE first, `;`-joined operations, \u escapes) never reaches the store unless
// --update is given; a text that does not parse is refused before it is sent, at its line and
// column; the local store refuses updates and says why.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { remoteQuery } from "../../src/store/sparql.ts";
import { removeTemp, writeTemp } from "../helpers/build.ts";
import { run } from "../helpers/cli.ts";
import { closeFakeSparql, fakeSparql } from "../helpers/fake-sparql.ts";

afterEach(closeFakeSparql);
afterAll(removeTemp);

const NBSP = "\u00a0";

/** Updates whose first word, read past comments and PREFIX lines by a regex, looked like SELECT. */
const DISGUISED: ReadonlyArray<readonly [string, string]> = [
  [
    "a non-breaking space and a # in a PREFIX IRI",
    `PREFIX p: <urn:x${NBSP}#>\nDROP GRAPH p:victim ;\nINSERT DATA { p:s p:p ">select" }`,
  ],
  [
    "an ideographic space in a BASE IRI, lower case",
    'prefix p: <urn:p#>\nbase <urn:x\u3000#>\nclear all ;\ninsert data { p:s p:p ">select" }',
  ],
  [
    "a line separator in the IRI, the update after comments",
    `PREFIX p: <urn:x\u2028#> # SELECT\n# SELECT * {}\nCLEAR GRAPH p:victim ; INSERT DATA { p:s p:p ">ask" }`,
  ],
  [
    "an em space, `;`-joined DROP, INSERT and LOAD",
    'prefix g: <urn:g\u2003#>\nDROP SILENT GRAPH g:x ; INSERT DATA { g:a g:b ">construct" } ; LOAD <http://example.org/x> INTO GRAPH g:x',
  ],
  [
    "a \\u000A escape that ends a comment for a reader that replaces escapes first",
    '# \\u000A CLEAR ALL ; INSERT DATA { <urn:s> <urn:p> """ \\u000A\nSELECT * {} # """ }',
  ],
];

describe("query --endpoint: updates never reach the store without --update", () => {
  it.each(DISGUISED)("refuses an update disguised by %s, and sends nothing", async (_, text) => {
    const store = await fakeSparql();
    const error = await remoteQuery(store.endpoint, text, "table").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/^(UsageError|SparqlSyntaxError)$/);
    expect(store.requests).toEqual([]);
  });

  it("refuses every update operation, however spelt, and names it", async () => {
    const store = await fakeSparql();
    const updates = [
      "CLEAR ALL",
      "  # a comment first\n  drop graph <urn:g>",
      "PREFIX cg: <https://w3id.org/claimgraph/ns#>\nBASE <urn:b/>\nDELETE WHERE { ?s ?p ?o }",
      "WITH <urn:g> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
      "CREATE GRAPH <urn:g> ; COPY <urn:a> TO <urn:b> ; MOVE <urn:b> TO <urn:c> ; ADD <urn:c> TO <urn:d>",
      `${DISGUISED[0]?.[1]}`,
    ];
    for (const text of updates) {
      const error = await remoteQuery(store.endpoint, text, "table").catch((e: unknown) => e);
      expect(error, text).toMatchObject({ name: "UsageError" });
      expect((error as Error).message).toMatch(/^the text is a SPARQL update \(.+\), not a query$/);
      expect((error as { hint: string }).hint).toContain("--update");
    }
    expect(store.requests).toEqual([]);
  });

  it("runs an update with --update, as the protocol's `update` parameter, once", async () => {
    const store = await fakeSparql(() => ({ status: 200, body: "done" }));
    const text = `PREFIX p: <urn:x${NBSP}#>\nCLEAR GRAPH <urn:g> ; INSERT DATA { <urn:s> <urn:p> ">select" }`;
    const answer = await remoteQuery(store.endpoint, text, "table", undefined, { update: true });
    expect(answer.kind).toBe("update");
    expect(answer.text).toContain("CLEAR, INSERT DATA");
    expect(store.requests).toHaveLength(1);
    expect(store.requests[0]?.query).toBeNull();
    expect(store.requests[0]?.update).toContain(text);
  });

  it("through the CLI: --update runs it, without --update it is refused (exit 2) and nothing is sent", async () => {
    const store = await fakeSparql(() => ({ status: 200, body: "done" }));
    const text = "CLEAR GRAPH <urn:g>";
    const refused = await run(["query", "--endpoint", store.endpoint, text]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("not a query");
    expect(refused.err).toContain("--update");
    expect(store.requests).toEqual([]);
    const ran = await run(["query", "--endpoint", store.endpoint, "--update", text]);
    expect(ran.err).toBe("");
    expect(ran.code).toBe(0);
    expect(store.requests.map((r) => r.update?.endsWith(text))).toEqual([true]);
  });

  it("sends queries of every form, those a first-word test misread included", async () => {
    const store = await fakeSparql();
    for (const text of [
      // A quote in an IRI with a unicode space hid the comment from the word test: refused.
      `PREFIX p: <urn:a${NBSP}'b>\n# a comment\nSELECT * { ?s p:x ?o }`,
      "select ?c where { ?c a cg:Claim } # a comment with CLEAR ALL",
      `ASK { <urn:a${NBSP}#b> ?p ?o }`,
      "PREFIX x: <urn:x#> CONSTRUCT WHERE { ?s x:p ?o }",
      "DESCRIBE <urn:a#CLEAR>",
    ])
      await remoteQuery(store.endpoint, text, "csv");
    expect(store.requests).toHaveLength(5);
    expect(store.requests.every((r) => r.update === null)).toBe(true);
  });
});

describe("query: a text that does not parse is refused before it is sent, at its line and column", () => {
  it.each([
    ["SELECT * WHERE {\n  ?s ?p ?o \n CLEAR", 3, 2],
    ["SELECT * WHERE { ?s ?p ?o } ; CLEAR ALL", 1, 29],
    ["SELECT ?x WHERE { ?x", 1, 21],
    ["SELECT ?c WHERE { ?c a cg:Claim . ?c nope:x ?é }", 1, 38],
    ["SELECT * WHERE { ?s ?p 'é' . ?s ?p ?o § }", 1, 39],
  ] as const)("%j at %i:%i", async (text, line, column) => {
    const store = await fakeSparql();
    const error = await remoteQuery(store.endpoint, text, "table").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "SparqlSyntaxError", line, column });
    expect((error as Error).message).toContain(`at ${line}:${column}:`);
    expect((error as { hint: string }).hint).toContain("predeclared");
    expect(store.requests).toEqual([]);
    // The local store reads it the same way, before any file.
    const local = await run(["query", "--kb", "no-such-file.ttl", text]);
    expect(local.code).toBe(2);
    expect(local.err).toContain(`the query does not parse at ${line}:${column}:`);
  });
});

describe("query on the local store", () => {
  const kb = () =>
    writeTemp(
      "updates/kb.ttl",
      "<https://w3id.org/claimgraph/kb/claim/a> a <https://w3id.org/claimgraph/ns#Claim> .\n",
    );

  it("refuses an update and says what --update is for", async () => {
    const r = await run(["query", "--kb", kb(), "INSERT DATA { <urn:a> <urn:b> <urn:c> }"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the text is a SPARQL update (INSERT DATA), not a query");
    expect(r.err).toContain("in memory only");
    expect(r.err).toContain("--endpoint URL --update");
  });

  it("refuses --update without --endpoint", async () => {
    const r = await run(["query", "--kb", kb(), "--update", "CLEAR ALL"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--update needs --endpoint");
  });
});
