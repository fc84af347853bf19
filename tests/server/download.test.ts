// The Turtle download (/kb/kb.ttl): made once per version of the knowledge-base files (a
// counting serialiser proves it), HEAD without serialising, streamed from a private file
// whose name is gone so that clients that never read hold a socket buffer each and not the
// knowledge base, at most `maxDownloads` at once, and single byte ranges.
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Serialise, serialiseFiles } from "../../src/server/download-cache.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { ROOT } from "../helpers/build.ts";
import {
  rawRequest,
  SEED_KB,
  type StalledClient,
  serveKb,
  stalledClient,
} from "../helpers/serve.ts";

let scratch: string;
let big: string;
/** Where the server makes its private folders in this test file (TMPDIR). */
let serverTmp: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "cg-download-"));
  serverTmp = join(scratch, "tmp");
  mkdirSync(serverTmp);
  process.env.TMPDIR = serverTmp;
  // 24 MiB: far more than a socket's buffers hold, so a client that stops reading stalls.
  big = join(scratch, "big.ttl");
  const line = `# ${"padding ".repeat(15)}\n`;
  writeFileSync(big, line.repeat(Math.ceil((24 * 1024 * 1024) / line.length)));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** A serialiser that counts its calls. */
function counting(): { serialise: Serialise; calls: () => number } {
  let calls = 0;
  return {
    serialise: (files) => {
      calls += 1;
      return serialiseFiles(files);
    },
    calls: () => calls,
  };
}

/** Waits until `check` holds, polling (no time limit of its own: the test's timeout is it). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

describe("serialising", () => {
  it("happens once for many downloads and HEADs, again only when the files change", async () => {
    const trig = join(scratch, "kb.trig");
    copyFileSync(join(ROOT, "graph", "kb.trig"), trig);
    const counter = counting();
    const server = await serveKb([trig], { serialise: counter.serialise, maxDownloads: 8 });
    try {
      const before = await rawRequest(server.url, "/kb/kb.ttl", { method: "HEAD" });
      expect(before.status).toBe(200);
      expect(before.headers["content-length"]).toBeUndefined();
      expect(counter.calls()).toBe(0);

      const downloads = await Promise.all(
        Array.from({ length: 6 }, () => rawRequest(server.url, "/kb/kb.ttl")),
      );
      for (const d of downloads) {
        expect(d.status).toBe(200);
        expect(d.body).toBe(downloads[0]?.body);
      }
      const first = downloads[0]?.body ?? "";
      expect(new Parser().parse(first).length).toBeGreaterThan(1000);
      const head = await rawRequest(server.url, "/kb/kb.ttl", { method: "HEAD" });
      expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(first));
      expect(head.headers.etag).toBe(downloads[0]?.headers.etag);
      expect((await rawRequest(server.url, "/kb/kb.ttl")).body).toBe(first);
      expect(counter.calls()).toBe(1);

      appendFileSync(trig, "# edited\n");
      const stale = await rawRequest(server.url, "/kb/kb.ttl", { method: "HEAD" });
      expect(stale.headers["content-length"]).toBeUndefined();
      expect(counter.calls()).toBe(1);
      const again = await rawRequest(server.url, "/kb/kb.ttl");
      expect(again.status).toBe(200);
      expect(again.body).toBe(first);
      expect(counter.calls()).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe("a knowledge base that no longer reads", () => {
  it("gets 409 for GET and HEAD, serialised once until the file changes", async () => {
    const trig = join(scratch, "broken.trig");
    const good = readFileSync(join(ROOT, "graph", "kb.trig"), "utf8");
    writeFileSync(trig, good);
    const counter = counting();
    const server = await serveKb([trig], { serialise: counter.serialise });
    try {
      writeFileSync(trig, `${good}\n<urn:a> <urn:b> .\n`);
      for (const method of ["GET", "GET", "HEAD", "GET"]) {
        const r = await rawRequest(server.url, "/kb/kb.ttl", { method });
        expect(r.status, method).toBe(409);
        if (method === "GET") expect(r.body).toMatch(/^the knowledge base files no longer read:\n/);
      }
      expect(counter.calls()).toBe(1);
      writeFileSync(trig, good);
      const mended = await rawRequest(server.url, "/kb/kb.ttl");
      expect(mended.status).toBe(200);
      expect(counter.calls()).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe("clients that never read", () => {
  it("hold a bounded buffer each, from a private file with no name; the API still answers", async () => {
    const server = await serveKb([SEED_KB], { kbFiles: [big], maxDownloads: 4 });
    const sockets: Socket[] = [];
    server.server.on("connection", (s) => sockets.push(s));
    const stalled: StalledClient[] = [];
    try {
      for (let i = 0; i < 4; i++) stalled.push(await stalledClient(server.url, "/kb/kb.ttl"));
      for (const c of stalled) expect(c.first).toMatch(/^HTTP\/1\.1 200 /);
      // Each answer waits on its socket: what the server holds for it is the socket's
      // buffer and one chunk of the file, not the 24 MiB it has yet to send.
      expect(sockets).toHaveLength(4);
      for (const s of sockets) expect(s.writableLength).toBeLessThan(1024 * 1024);

      const view = await rawRequest(server.url, "/api/view");
      expect(view.status).toBe(200);
      expect(JSON.parse(view.body).nodes.length).toBe(server.view.nodes.length);

      // The bytes come from one file, created 0600, whose folder and name are already gone.
      expect(readdirSync(serverTmp)).toEqual([]);
      const open = readdirSync("/proc/self/fd")
        .map((fd) => ({ fd, target: safeReadlink(`/proc/self/fd/${fd}`) }))
        .filter((f) => f.target.startsWith(join(serverTmp, "claimgraph-serve-")));
      expect(open).toHaveLength(1);
      expect(open[0]?.target).toMatch(/\/kb\.ttl \(deleted\)$/);
      expect(statSync(`/proc/self/fd/${open[0]?.fd}`).mode & 0o777).toBe(0o600);
    } finally {
      for (const c of stalled) c.close();
      await server.close();
    }
  });
});

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "";
  }
}

describe("the cap on downloads at once", () => {
  it("answers 503 with Retry-After beyond it, and takes downloads again when one ends", async () => {
    const server = await serveKb([SEED_KB], { kbFiles: [big], maxDownloads: 2 });
    const stalled: StalledClient[] = [];
    try {
      stalled.push(await stalledClient(server.url, "/kb/kb.ttl"));
      stalled.push(await stalledClient(server.url, "/kb/kb.ttl"));
      const refused = await rawRequest(server.url, "/kb/kb.ttl");
      expect(refused.status).toBe(503);
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect(refused.body.length).toBeLessThan(200);
      expect(refused.headers["content-security-policy"]).toBeDefined();
      // HEAD and the API are not downloads.
      expect((await rawRequest(server.url, "/kb/kb.ttl", { method: "HEAD" })).status).toBe(200);
      expect((await rawRequest(server.url, "/api/view")).status).toBe(200);

      stalled.shift()?.close();
      let next = await rawRequest(server.url, "/kb/kb.ttl");
      await until(async () => {
        if (next.status !== 503) return true;
        next = await rawRequest(server.url, "/kb/kb.ttl");
        return false;
      });
      expect(next.status).toBe(200);
      expect(next.bytes.equals(readFileSync(big))).toBe(true);
    } finally {
      for (const c of stalled) c.close();
      await server.close();
    }
  });
});

describe("a download that makes no progress", () => {
  it("is dropped after downloadIdleMs, which frees its place under the cap", async () => {
    const server = await serveKb([SEED_KB], {
      kbFiles: [big],
      maxDownloads: 1,
      downloadIdleMs: 300,
      // Making the version takes longer than that, and is not the client's idleness.
      serialise: async (files) => {
        await new Promise((r) => setTimeout(r, 900));
        return serialiseFiles(files);
      },
    });
    const closed: Socket[] = [];
    server.server.on("connection", (s: Socket) => s.once("close", () => closed.push(s)));
    const stalled = await stalledClient(server.url, "/kb/kb.ttl");
    try {
      expect(stalled.first).toMatch(/^HTTP\/1\.1 200 /);
      // Nothing else closes it: the client neither reads nor leaves.
      await until(() => closed.length === 1);
      // A short range, so that this download never sits idle itself.
      const next = await rawRequest(server.url, "/kb/kb.ttl", {
        headers: { Range: "bytes=0-99" },
      });
      expect(next.status).toBe(206);
      expect(next.bytes.equals(readFileSync(big).subarray(0, 100))).toBe(true);
    } finally {
      stalled.close();
      await server.close();
    }
  });
});

describe("byte ranges", () => {
  let server: RunningServer;
  let whole: Buffer;
  let etag: string;
  const get = (headers: Record<string, string>, method = "GET") =>
    rawRequest(server.url, "/kb/kb.ttl", { method, headers });

  beforeAll(async () => {
    server = await serveKb([SEED_KB]);
    const r = await rawRequest(server.url, "/kb/kb.ttl");
    whole = r.bytes;
    expect(whole.equals(readFileSync(SEED_KB))).toBe(true);
    etag = String(r.headers.etag);
    expect(r.headers["accept-ranges"]).toBe("bytes");
    expect(etag).toMatch(/^"[^"]+"$/);
  });
  afterAll(() => server?.close());

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100-", 100, -1],
    ["bytes=-50", -50, -1],
    ["bytes=5-999999999999", 5, -1],
    ["bytes=7-7", 7, 7],
  ])("answers %s with 206 and that part", async (range, from, to) => {
    const size = whole.length;
    const start = from < 0 ? size + from : from;
    const end = to < 0 ? size - 1 : to;
    const r = await get({ Range: range });
    expect(r.status).toBe(206);
    expect(r.headers["content-range"]).toBe(`bytes ${start}-${end}/${size}`);
    expect(Number(r.headers["content-length"])).toBe(end - start + 1);
    expect(r.bytes.equals(whole.subarray(start, end + 1))).toBe(true);
  });

  it("answers a range past the end with 416 and the size", async () => {
    for (const range of [
      `bytes=${whole.length}-`,
      `bytes=${whole.length + 10}-${whole.length + 20}`,
      "bytes=-0",
    ]) {
      const r = await get({ Range: range });
      expect(r.status, range).toBe(416);
      expect(r.headers["content-range"], range).toBe(`bytes */${whole.length}`);
    }
  });

  it("answers several ranges or a malformed one with the whole file", async () => {
    for (const range of ["bytes=0-9,20-29", "bytes=9-0", "lines=1-2", "bytes=x-y", "bytes=-"]) {
      const r = await get({ Range: range });
      expect(r.status, range).toBe(200);
      expect(r.bytes.equals(whole), range).toBe(true);
    }
  });

  it("honours If-Range only with the current ETag", async () => {
    const matching = await get({ Range: "bytes=0-9", "If-Range": etag });
    expect(matching.status).toBe(206);
    expect(matching.bytes.equals(whole.subarray(0, 10))).toBe(true);
    for (const ifRange of ['"another"', `W/${etag}`, "Thu, 01 Jan 2026 00:00:00 GMT"]) {
      const r = await get({ Range: "bytes=0-9", "If-Range": ifRange });
      expect(r.status, ifRange).toBe(200);
      expect(r.bytes.equals(whole), ifRange).toBe(true);
    }
  });

  it("gives HEAD the headers of the same range, without a body", async () => {
    const r = await get({ Range: "bytes=10-19" }, "HEAD");
    expect(r.status).toBe(206);
    expect(r.headers["content-range"]).toBe(`bytes 10-19/${whole.length}`);
    expect(r.headers["content-length"]).toBe("10");
    expect(r.bytes.length).toBe(0);
  });
});
