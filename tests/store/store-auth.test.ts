// What a store's password is exposed to: Basic authentication over plain http is refused unless
// --allow-insecure-basic is given; a store that offered Digest never gets a Basic answer (no
// downgrade, also when it offers a Digest claimgraph cannot answer); and credentials written
// into an address are refused before anything is sent, never echoed — whether or not the
// address parses.

import { DataFactory } from "n3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { push } from "../../src/store/push.ts";
import { remoteQuery } from "../../src/store/sparql.ts";
import { removeTemp, writeTemp } from "../helpers/build.ts";
import { run } from "../helpers/cli.ts";
import { withEnv } from "../helpers/env.ts";
import {
  closeFakeSparql,
  emptyAnswer,
  type FakeRequest,
  fakeSparql,
} from "../helpers/fake-sparql.ts";

const { namedNode, literal, quad } = DataFactory;

afterEach(closeFakeSparql);
afterAll(removeTemp);

const WRITER = { user: "writer", password: "pw-Zq7-secret" };
const BASIC = `Basic ${Buffer.from(`${WRITER.user}:${WRITER.password}`).toString("base64")}`;
const ASK_BASIC = { status: 401, headers: { "www-authenticate": 'Basic realm="fake"' } };
const ASK_DIGEST = {
  status: 401,
  headers: { "www-authenticate": 'Digest realm="fake", nonce="n0nce", qop="auth"' },
};

/** A store that asks for Basic and answers an empty result to the right Basic header. */
const basicStore = () =>
  fakeSparql((r) => (r.authorization === BASIC ? emptyAnswer(r) : ASK_BASIC));

const sentBasic = (requests: readonly FakeRequest[]) =>
  requests.some((r) => r.authorization?.startsWith("Basic"));

const withCredentials = <T>(f: () => Promise<T>): Promise<T> =>
  withEnv({ CLAIMGRAPH_USER: WRITER.user, CLAIMGRAPH_PASSWORD: WRITER.password }, f);

describe("Basic authentication over plain http", () => {
  it("is refused: the password is never sent, and the error says how to allow it", async () => {
    const store = await basicStore();
    const error = await remoteQuery(store.endpoint, "ASK {}", "table", WRITER).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "StoreAuthError", status: 401 });
    expect((error as Error).message).toContain("--allow-insecure-basic");
    expect((error as Error).message).not.toContain(WRITER.password);
    expect(store.requests).toHaveLength(1);
    expect(sentBasic(store.requests)).toBe(false);
  });

  it("is answered with --allow-insecure-basic, and refused without it, through the CLI", async () => {
    const store = await basicStore();
    const refused = await withCredentials(() =>
      run(["query", "--endpoint", store.endpoint, "ASK {}"]),
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Basic authentication over plain http");
    expect(sentBasic(store.requests)).toBe(false);
    const allowed = await withCredentials(() =>
      run(["query", "--endpoint", store.endpoint, "--allow-insecure-basic", "ASK {}"]),
    );
    expect(allowed.err).toBe("");
    expect(allowed.code).toBe(0);
    expect(sentBasic(store.requests)).toBe(true);
    for (const text of [refused.out, refused.err, allowed.out])
      expect(text).not.toContain(WRITER.password);
  });
});

describe("no downgrade from Digest", () => {
  // Two graphs of one triple each.
  const quads = ["a", "b"].map((g) =>
    quad(
      namedNode("urn:s"),
      namedNode("urn:p"),
      literal(g),
      namedNode(`https://example.org/graph/${g}`),
    ),
  );

  it("a store that took a Digest answer and then asks for Basic gets no Basic answer", async () => {
    let digestTaken = false;
    const store = await fakeSparql((r) => {
      if (r.authorization?.startsWith("Basic")) return { status: 201 };
      if (!r.authorization?.startsWith("Digest")) return ASK_DIGEST;
      if (digestTaken) return ASK_BASIC;
      digestTaken = true;
      return { status: 200 };
    });
    const error = await push({
      endpoint: store.endpoint,
      graphStore: `http://127.0.0.1:${store.port}/graph-store`,
      quads,
      ...WRITER,
      allowInsecureBasic: true,
      backoffMs: 1,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "StoreAuthError", status: 401 });
    expect((error as Error).message).toContain("never answers Basic after Digest");
    expect(digestTaken).toBe(true);
    expect(sentBasic(store.requests)).toBe(false);
  });

  it("a Digest claimgraph cannot answer, offered beside Basic, is refused at once, not answered with Basic", async () => {
    const store = await fakeSparql(() => ({
      status: 401,
      headers: {
        "www-authenticate":
          'Digest realm="fake", nonce="n", algorithm=SHA-512-256, Basic realm="fake"',
      },
    }));
    const error = await remoteQuery(store.endpoint, "ASK {}", "table", WRITER, {
      allowInsecureBasic: true,
      backoffMs: 1,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "StoreAuthError", status: 401 });
    expect((error as Error).message).toContain("SHA-512-256");
    expect(store.requests).toHaveLength(1);
    expect(sentBasic(store.requests)).toBe(false);
  });
});

describe("credentials in an address", () => {
  const SECRETS = ["pa/ss-Q9", "pa-Q9"];
  const addresses = (port: number) => [
    // Does not parse as an address (a "/" in the password).
    `http://writer:pa/ss-Q9@127.0.0.1:${port}/sparql`,
    // No scheme.
    `writer:pa-Q9@127.0.0.1:${port}/sparql`,
    // Parses, with the user and password in the path.
    `http://127.0.0.1:${port}/writer:pa-Q9@x/sparql`,
    // User information proper.
    `http://writer:pa-Q9@127.0.0.1:${port}/sparql`,
  ];

  it.each([
    ["query", ["ASK {}"]],
    ["trace", ["desipramine"]],
    ["pushed", ["--kb", "KB", "--timeout", "2000"]],
    ["push", ["--kb", "KB", "--graph-store", "STORE", "--timeout", "2000"]],
  ] as const)(
    "%s refuses them before sending anything, and never shows the password",
    async (command, rest) => {
      const store = await fakeSparql((r) => ({
        ...emptyAnswer(r),
        status: r.method === "PUT" ? 201 : 200,
      }));
      const kb = writeTemp(
        "redact/kb.nq",
        "<urn:s> <urn:p> <urn:o> <https://w3id.org/claimgraph/kb/graph/x> .\n",
      );
      const args = rest.map((a) =>
        a === "KB" ? kb : a === "STORE" ? `http://127.0.0.1:${store.port}/graph-store` : a,
      );
      for (const address of addresses(store.port)) {
        const r = await run([command, ...args, "--endpoint", address]);
        expect(r.code, `${command} ${address}: ${r.err}`).toBe(2);
        for (const secret of SECRETS) expect(`${r.out}${r.err}`).not.toContain(secret);
        expect(r.err).toContain("***");
      }
      expect(store.requests).toEqual([]);
    },
  );
});
