// The server's defences, with requests sent as written (no client normalises the paths):
// static paths confined to the viewer's folder in every spelling, GET and HEAD only, the
// security headers on every answer, size limits, and loopback as the default address.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CONTENT_SECURITY_POLICY,
  MAX_HEADER_BYTES,
  MAX_URL_LENGTH,
  type RunningServer,
  staticPath,
} from "../../src/server/server.ts";
import {
  type RawResponse,
  rawExchange,
  rawRequest,
  serveKb,
  VIEWER_DIR,
} from "../helpers/serve.ts";

let server: RunningServer;

beforeAll(async () => {
  server = await serveKb();
});
afterAll(() => server?.close());

/** The checks every answer of ours must pass. */
function expectSecurityHeaders(r: RawResponse, what: string): void {
  const csp = String(r.headers["content-security-policy"]);
  expect(csp, what).toBe(CONTENT_SECURITY_POLICY);
  expect(csp, what).not.toContain("unsafe-inline");
  expect(csp, what).not.toContain("unsafe-eval");
  expect(csp, what).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
  expect(csp, what).toMatch(/(^|; )script-src 'self'(;|$)/);
  expect(csp, what).toMatch(/(^|; )default-src 'none'(;|$)/);
  expect(r.headers["x-content-type-options"], what).toBe("nosniff");
  expect(r.headers["x-frame-options"], what).toBe("DENY");
}

const TRAVERSALS = [
  "/../package.json",
  "/%2e%2e/package.json",
  "/%2E%2E/package.json",
  "/%252e%252e/package.json",
  "/..%2fpackage.json",
  "/..%2Fpackage.json",
  "/..\\package.json",
  "/%5c..%5cpackage.json",
  "/assets/../../package.json",
  "/assets/%2e%2e/%2e%2e/package.json",
  "//etc/passwd",
  "/%00",
  "/index.html%00.png",
  "/etc/passwd",
  "/%2fetc%2fpasswd",
  "/.%2e/package.json",
  "/./index.html",
  "/assets//index.html",
];

describe("static files", () => {
  it("serves the viewer's page and its assets", async () => {
    const page = await rawRequest(server.url, "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain('<div id="graph"');
    const assets = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const r = await rawRequest(server.url, asset ?? "");
      expect(r.status, asset).toBe(200);
      expect(String(r.headers["content-type"]), asset).toMatch(/^text\/(javascript|css)/);
    }
    // No inline script or style in the page, so the policy can forbid them.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.body).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it.each(TRAVERSALS)("answers 404 to %j", async (path) => {
    const r = await rawRequest(server.url, path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('"name": "claimgraph"');
    expect(r.body).not.toContain("root:");
    expectSecurityHeaders(r, path);
  });

  it("refuses the same spellings in staticPath, and finds the page itself", () => {
    for (const path of TRAVERSALS) expect(staticPath(VIEWER_DIR, path), path).toBeUndefined();
    expect(staticPath(VIEWER_DIR, "/")).toMatch(/index\.html$/);
    expect(staticPath(VIEWER_DIR, "/index.html?x=1#y")).toMatch(/index\.html$/);
    expect(staticPath(VIEWER_DIR, "/%E0%A4%A")).toBeUndefined();
    expect(staticPath(VIEWER_DIR, "/assets")).toBeUndefined();
  });

  // A target starting with "//" is a path, never read as a host name.
  it.each(["//[/x", "//a%20b/x", "//a<b/x"])(
    "answers a malformed authority-like path %j with 404, not an internal error",
    async (path) => {
      const r = await rawRequest(server.url, path);
      expect(r.status).toBe(404);
    },
  );
});

describe("methods", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])(
    "answers %s with 405 and Allow: GET, HEAD",
    async (method) => {
      for (const path of ["/", "/api/view", "/kb/kb.ttl", "/no-such-file"]) {
        const r = await rawRequest(server.url, path, { method });
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.headers.allow).toBe("GET, HEAD");
        expectSecurityHeaders(r, `${method} ${path}`);
      }
    },
  );

  it("answers HEAD with the headers GET gives and no body", async () => {
    for (const path of ["/", "/api/view", "/kb/kb.ttl", "/api/search?q=NET", "/missing"]) {
      const get = await rawRequest(server.url, path);
      const raw = await rawExchange(
        server.url,
        `HEAD ${path} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nConnection: close\r\n\r\n`,
      );
      const [head = "", body] = raw.split("\r\n\r\n");
      expect(body, path).toBe("");
      expect(head, path).toMatch(new RegExp(`^HTTP/1\\.1 ${get.status} `));
      const length = /\r\ncontent-length: (\d+)/i.exec(head)?.[1];
      expect(Number(length), path).toBe(Buffer.byteLength(get.body));
      expect(head.toLowerCase(), path).toContain(
        `content-security-policy: ${CONTENT_SECURITY_POLICY.toLowerCase()}`,
      );
      expect(head.toLowerCase(), path).toContain("x-content-type-options: nosniff");
    }
  });
});

describe("security headers", () => {
  it("are on every kind of answer", async () => {
    const paths = [
      "/",
      "/index.html",
      "/api/view",
      "/api/node?id=urn%3Ax",
      "/api/search?q=desipramine",
      "/api/neighbourhood?id=nothing",
      "/api/path?from=a&to=b",
      "/api/document?id=",
      "/api/document?id=nothing",
      "/api/edge?source=https%3A%2F%2Fw3id.org%2Fclaimgraph%2Fkb%2Fentity%2Fdesipramine&target=x",
      "/kb/kb.ttl",
      "/missing",
      `/x?${"a".repeat(MAX_URL_LENGTH)}`,
    ];
    for (const path of paths) {
      const r = await rawRequest(server.url, path);
      expectSecurityHeaders(r, path.slice(0, 60));
    }
  });
});

describe("limits", () => {
  it("answers an over-long URL with 414", async () => {
    const ok = await rawRequest(server.url, `/api/search?q=${"a".repeat(MAX_URL_LENGTH - 20)}`);
    expect(ok.status).toBe(200);
    const r = await rawRequest(server.url, `/api/search?q=${"a".repeat(MAX_URL_LENGTH)}`);
    expect(r.status).toBe(414);
    expectSecurityHeaders(r, "414");
  });

  it("answers an oversized header section with 431", async () => {
    // Node itself answers this one, before the server's handler runs (so without our headers).
    const raw = await rawExchange(
      server.url,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(MAX_HEADER_BYTES + 1024)}\r\nConnection: close\r\n\r\n`,
    );
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    const small = await rawRequest(server.url, "/", { headers: { "X-Big": "a".repeat(1024) } });
    expect(small.status).toBe(200);
  });
});

describe("an oversized header section from a client still sending it", () => {
  it("gets 431, not a reset that loses the answer", async () => {
    // The client sends 32 KiB of a 1 MiB header, waits, sends the rest, and only then reads:
    // as curl or a browser would. A server that resets the connection when it refuses the
    // header makes the client's kernel drop the 431 it had already received.
    const { hostname, port, host } = new URL(server.url);
    const socket = connect({ host: hostname, port: Number(port) });
    await new Promise((r) => socket.once("connect", r));
    socket.pause();
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise<string>((done) => {
      socket.on("end", () => done("end"));
      socket.on("error", (e: NodeJS.ErrnoException) => done(e.code ?? "error"));
    });
    const send = (text: string) => new Promise<void>((done) => socket.write(text, () => done()));
    await send(`GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${"a".repeat(32 * 1024)}`);
    await new Promise((r) => setTimeout(r, 200));
    for (let sent = 32 * 1024; sent < 1024 * 1024; sent += 64 * 1024)
      await send("a".repeat(64 * 1024));
    await send("\r\nConnection: close\r\n\r\n");
    await new Promise((r) => setTimeout(r, 200));
    socket.resume();
    expect(await ended).toBe("end");
    const answer = Buffer.concat(chunks).toString("latin1");
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer.toLowerCase()).toContain(
      `content-security-policy: ${CONTENT_SECURITY_POLICY.toLowerCase()}`,
    );
    socket.destroy();
  });
});

describe("the address", () => {
  it("is 127.0.0.1 by default", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const address = server.server.address();
    expect(typeof address === "object" && address?.address).toBe("127.0.0.1");
  });
});
