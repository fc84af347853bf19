// HTTP Digest authentication against the worked examples of RFC 2617 (MD5) and RFC 7616 (MD5 and
// SHA-256), and the challenges stores send (Virtuoso's, several in one header).
import { describe, expect, it } from "vitest";
import { authorization, parseChallenge } from "../../src/store/digest-auth.ts";

/** The fields of an Authorization header, unquoted. */
function fields(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.replace(/^Digest /, "").matchAll(/([\w-]+)=(?:"([^"]*)"|([^,\s]*))/g))
    out[m[1] as string] = m[2] ?? m[3] ?? "";
  return out;
}

describe("Digest authorization", () => {
  it("answers RFC 2617's example (MD5, qop=auth)", () => {
    const challenge = parseChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    expect(challenge?.scheme).toBe("digest");
    const header = authorization(
      challenge as NonNullable<typeof challenge>,
      { user: "Mufasa", password: "Circle Of Life" },
      "GET",
      "/dir/index.html",
      1,
      "0a4f113b",
    );
    expect(fields(header)).toEqual({
      username: "Mufasa",
      realm: "testrealm@host.com",
      nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
      uri: "/dir/index.html",
      qop: "auth",
      nc: "00000001",
      cnonce: "0a4f113b",
      response: "6629fae49393a05397450978507c4ef1",
      opaque: "5ccc069c403ebaf9f0171e9517f40e41",
    });
  });

  it.each([
    ["MD5", "8ca523f5e9506fed4657c9700eebdbec"],
    ["SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"],
  ])("answers RFC 7616's example with %s", (algorithm, response) => {
    const challenge = parseChallenge(
      `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=${algorithm}, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`,
    );
    const header = authorization(
      challenge as NonNullable<typeof challenge>,
      { user: "Mufasa", password: "Circle of Life" },
      "GET",
      "/dir/index.html",
      1,
      "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
    );
    expect(fields(header).response).toBe(response);
    expect(fields(header).algorithm).toBe(algorithm);
  });

  it("counts nonce uses in hex", () => {
    const challenge = parseChallenge('Digest realm="r", nonce="n", qop="auth"');
    const header = authorization(
      challenge as NonNullable<typeof challenge>,
      { user: "u", password: "p" },
      "PUT",
      "/x?graph=y",
      26,
    );
    expect(fields(header).nc).toBe("0000001a");
  });
});

describe("parseChallenge", () => {
  it("reads Virtuoso's challenge", () => {
    const c = parseChallenge(
      'Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="3ac5ec6cae8ca5e7f040706c49af9c6e", opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5"',
    );
    expect(c).toEqual({
      scheme: "digest",
      params: {
        realm: "SPARQL",
        domain: "/sparql-graph-crud-auth",
        nonce: "3ac5ec6cae8ca5e7f040706c49af9c6e",
        opaque: "5ebe2294ecd0e0f08eab7690d2a6ee69",
        stale: "false",
        qop: "auth",
        algorithm: "MD5",
      },
    });
  });

  it("prefers Digest to Basic when a header offers both, and reads Basic alone", () => {
    expect(parseChallenge('Basic realm="a", Digest realm="b", nonce="n"')).toMatchObject({
      scheme: "digest",
      params: { realm: "b", nonce: "n" },
    });
    expect(parseChallenge('Basic realm="fake"')).toEqual({
      scheme: "basic",
      params: { realm: "fake" },
    });
  });

  it("answers Basic with the base64 of user:password", () => {
    const c = parseChallenge('Basic realm="x"');
    expect(
      authorization(
        c as NonNullable<typeof c>,
        { user: "Aladdin", password: "open sesame" },
        "GET",
        "/",
        1,
      ),
    ).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  });

  it("finds nothing to answer in a missing or foreign challenge", () => {
    expect(parseChallenge(null)).toBeUndefined();
    expect(parseChallenge('Bearer realm="api"')).toBeUndefined();
  });
});
