// The server's actual JSON answers conform to the contract the viewer is typed by
// (src/server/contract.ts): each answer is written as a literal of its declared type and
// type-checked by the TypeScript compiler, so a field added, dropped, renamed or retyped on
// either side fails here (a literal with a property its type lacks is an error too).
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiPath } from "../../src/server/contract.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { ROOT } from "../helpers/build.ts";
import { rawRequest, serveKb } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const NET = `${KB}entity/norepinephrine-transporter`;
const DOC = `${KB}doc/desipramine-vs-ssris`;
const REF_1 = `${KB}doc/desipramine-vs-ssris.ref-1`;
const WORK_4_5 = `${KB}work/pmid-12183009`;
const STUDY = `${KB}study/desipramine-vs-ssris.memory-in-depression`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;
/** The seed's one conflict: its header's CAS number against the public record (#15). */
const CAS_CONFLICT = `${KB}conflict/e3820653c9f8b954`;

/** One request per endpoint and, for /api/node, per kind of node; paths found and not. */
const REQUESTS: ReadonlyArray<readonly [ApiPath, Record<string, string>]> = [
  ["/api/view", {}],
  ["/api/node", { id: PRIMARY_TARGET }],
  ["/api/node", { id: DESIPRAMINE }],
  ["/api/node", { id: REF_1 }],
  ["/api/node", { id: WORK_4_5 }],
  ["/api/node", { id: STUDY }],
  ["/api/node", { id: DOC }],
  ["/api/edge", { source: PRIMARY_TARGET, target: DESIPRAMINE }],
  ["/api/edge", { source: DESIPRAMINE, target: NET }],
  ["/api/search", { q: "desip" }],
  ["/api/path", { from: "desipramine", to: "norepinephrine transporter" }],
  ["/api/path", { from: "desipramine", to: "no such thing" }],
  ["/api/neighbourhood", { id: DESIPRAMINE }],
  ["/api/claims", {}],
  ["/api/claims", { q: "primary target", sort: "citations", dir: "desc", focus: PRIMARY_TARGET }],
  ["/api/matrix", {}],
  ["/api/conflict", { id: CAS_CONFLICT }],
  ["/api/document", { id: DOC }],
  ["/api/document", { id: "" }],
  [
    "/api/group",
    {
      id: DESIPRAMINE,
      role: "subject",
      predicate: "https://w3id.org/claimgraph/vocab#primaryTarget",
      offset: "0",
    },
  ],
];

let server: RunningServer;
beforeAll(async () => {
  server = await serveKb();
});
afterAll(() => server?.close());

async function answer(path: string, params: Record<string, string>): Promise<unknown> {
  const query = new URLSearchParams(params).toString();
  const r = await rawRequest(server.url, query ? `${path}?${query}` : path);
  expect(r.status, `${path}?${query}`).toBe(200);
  return JSON.parse(r.body);
}

/** The compiler's errors for `source`, a module (never written to disk) beside this test. */
function typeErrors(source: string): string[] {
  const file = join(ROOT, "tests", "server", "contract-answers.check.ts");
  const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === file || fileExists.call(host, f);
  host.readFile = (f) => (f === file ? source : readFile.call(host, f));
  host.getSourceFile = (f, lang, ...rest) =>
    f === file ? ts.createSourceFile(f, source, lang) : getSourceFile.call(host, f, lang, ...rest);
  const program = ts.createProgram([file], options, host);
  const checked = program.getSourceFile(file);
  return ts
    .getPreEmitDiagnostics(program, checked)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

function module(answers: ReadonlyArray<readonly [ApiPath, unknown]>): string {
  const contract = join(ROOT, "src", "server", "contract.ts");
  const lines = answers.map(
    ([path, body], i) =>
      `export const answer${i}: ApiAnswers[${JSON.stringify(path)}] = ${JSON.stringify(body)};`,
  );
  return [`import type { ApiAnswers } from ${JSON.stringify(contract)};`, ...lines].join("\n");
}

describe("the SPARQL endpoint's JSON results", () => {
  it("are typed by SparqlJsonResults, SELECT and ASK alike", async () => {
    const queries = [
      "SELECT ?c ?q ?unbound WHERE { ?c cg:quote/oa:hasSelector/oa:exact ?q } ORDER BY ?c LIMIT 3",
      "SELECT ?label WHERE { ?e rdfs:label ?label FILTER(lang(?label) != '') } LIMIT 2",
      "ASK { ?c a cg:ProseClaim }",
    ];
    const contract = join(ROOT, "src", "server", "contract.ts");
    const lines = [`import type { SparqlJsonResults } from ${JSON.stringify(contract)};`];
    for (const [i, query] of queries.entries()) {
      const r = await rawRequest(server.url, `/sparql?${new URLSearchParams({ query })}`);
      expect(r.status, r.body).toBe(200);
      lines.push(`export const answer${i}: SparqlJsonResults = ${r.body};`);
    }
    expect(typeErrors(lines.join("\n"))).toEqual([]);
    expect(
      typeErrors(
        `${lines[0]}\nexport const bad: SparqlJsonResults = { head: {}, boolean: "yes" };`,
      ),
    ).toHaveLength(1);
  });
});

describe("the API contract", () => {
  it("types every answer the server gives, for each endpoint and each kind of node", async () => {
    const answers: Array<readonly [ApiPath, unknown]> = [];
    for (const [path, params] of REQUESTS) answers.push([path, await answer(path, params)]);
    expect(typeErrors(module(answers))).toEqual([]);
  });

  it("fails an answer that has a field the contract does not declare, or lacks one", async () => {
    const node = (await answer("/api/node", { id: DOC })) as { document: object };
    const extra = { ...node, document: { ...node.document, pages: 3 } };
    const { title: _, ...missing } = node.document as { title: string };
    const errors = typeErrors(
      module([
        ["/api/node", extra],
        ["/api/node", { ...node, document: missing }],
      ]),
    );
    expect(errors).toHaveLength(2);
  });
});
