// DNS rebinding: a page on another site points its own name at 127.0.0.1 and reads what the
// server answers as same-origin. The request still carries that name in its Host header, so
// the server answers only the names it was started on: 421 for any other, on every route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedHostNames, hostAllowed } from "../../src/server/host-check.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { rawExchange, rawRequest, serveKb } from "../helpers/serve.ts";

let server: RunningServer;
let port: number;

beforeAll(async () => {
  server = await serveKb();
  port = Number(new URL(server.url).port);
});
afterAll(() => server?.close());

const ROUTES = [
  "/kb/kb.ttl",
  "/api/view",
  "/api/search?q=NET",
  "/api/document?id=",
  "/",
  "/index.html",
  "/missing",
];

describe("a Host the server was not started on", () => {
  const forged = () => [
    "attacker.example",
    `attacker.example:${port}`,
    `localhost.attacker.example:${port}`,
    `127.0.0.1.attacker.example:${port}`,
    `localhost.:${port}`,
    `127.0.0.1:${port + 1}`,
    `localhost:${port}@attacker.example`,
    `[::1]:${port}.attacker.example`,
    `127.0.0.1:${port}:${port}`,
    "127.0.0.1",
  ];

  it("gets 421 with a short body on every route, and never the knowledge base", async () => {
    // The server's own names still answer.
    for (const host of ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"]) {
      const r = await rawRequest(server.url, "/kb/kb.ttl", {
        headers: { Host: `${host}:${port}` },
      });
      expect(r.status, host).toBe(200);
      expect(r.body, host).toContain("@prefix");
    }
    for (const host of forged()) {
      for (const path of ROUTES) {
        for (const method of ["GET", "HEAD"]) {
          const r = await rawRequest(server.url, path, { method, headers: { Host: host } });
          expect(r.status, `${method} ${path} Host: ${host}`).toBe(421);
          expect(r.body.length, host).toBeLessThan(200);
          expect(r.body, host).not.toContain("@prefix");
          expect(r.body, host).not.toContain("nodes");
          expect(r.headers["content-security-policy"], host).toBeDefined();
        }
      }
    }
  });

  it("gets 421 when the Host header is missing (HTTP/1.0) or empty", async () => {
    for (const request of [
      "GET /kb/kb.ttl HTTP/1.0\r\n\r\n",
      "GET /kb/kb.ttl HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n",
    ]) {
      const raw = await rawExchange(server.url, request);
      expect(raw, request).toMatch(/^HTTP\/1\.1 421 /);
      expect(raw, request).not.toContain("@prefix");
    }
  });
});

describe("--allow-host", () => {
  it("adds names, and only those", async () => {
    const allowing = await serveKb(undefined, { allowHosts: ["viewer.internal", "::1"] });
    try {
      const p = new URL(allowing.url).port;
      const get = (host: string) =>
        rawRequest(allowing.url, "/api/view", { headers: { Host: host } });
      expect((await get(`viewer.internal:${p}`)).status).toBe(200);
      expect((await get(`Viewer.Internal:${p}`)).status).toBe(200);
      expect((await get(`other.internal:${p}`)).status).toBe(421);
      expect((await get(`viewer.internal.evil:${p}`)).status).toBe(421);
      expect((await get(`[::1]:${p}`)).status).toBe(200);
    } finally {
      await allowing.close();
    }
  });
});

describe("allowedHostNames", () => {
  it("for an address that is not loopback: that address, the name given and --allow-host", () => {
    const names = allowedHostNames("192.0.2.7", "viewer.lan", ["Other.Lan"]);
    expect([...names].sort()).toEqual(["192.0.2.7", "other.lan", "viewer.lan"]);
    expect(hostAllowed("192.0.2.7:8787", names, 8787)).toBe(true);
    expect(hostAllowed("localhost:8787", names, 8787)).toBe(false);
    expect(hostAllowed("127.0.0.1:8787", names, 8787)).toBe(false);
  });

  it("for a wildcard address: loopback names and the machine's addresses, nothing else", () => {
    const names = allowedHostNames("0.0.0.0", "0.0.0.0", []);
    expect(names).toContain("localhost");
    expect(names).toContain("127.0.0.1");
    expect(names).toContain("[::1]");
    expect(hostAllowed("attacker.example:8787", names, 8787)).toBe(false);
  });

  it("reads a port-less Host as port 80", () => {
    const names = allowedHostNames("127.0.0.1", undefined, []);
    expect(hostAllowed("localhost", names, 80)).toBe(true);
    expect(hostAllowed("localhost", names, 8787)).toBe(false);
    expect(hostAllowed("localhost:80", names, 80)).toBe(true);
  });
});
