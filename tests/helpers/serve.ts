// Serving a knowledge base for the viewer's tests: the real server, in this process, on
// 127.0.0.1 and a free port; the hostile document built into a throwaway folder; and raw
// HTTP requests whose paths reach the server exactly as written.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { type RunningServer, type ServeOptions, startServer } from "../../src/server/server.ts";
import { ROOT, SECOND_SOURCES } from "./build.ts";
import { run } from "./cli.ts";
import { FRESH_KB } from "./fresh-kb.ts";

/** The viewer as `npm run build:viewer` builds it. */
export const VIEWER_DIR = join(ROOT, "dist", "viewer");
/** The seed's kb.ttl as this test run built it (not the committed graph/kb.ttl). */
export const SEED_KB = FRESH_KB;
export const HOSTILE_SOURCES = join(ROOT, "tests", "fixtures", "hostile", "sources");

/**
 * Starts the viewer's server for `files` on 127.0.0.1 and a free port; `close()` stops it.
 * `options` override the server's (a counting `serialise`, another `maxDownloads` or
 * `viewerDir`…).
 */
export async function serveKb(
  files: readonly string[] = [SEED_KB],
  options: Partial<Omit<ServeOptions, "kg">> = {},
): Promise<RunningServer> {
  if (!existsSync(join(VIEWER_DIR, "index.html"))) {
    throw new Error(`${VIEWER_DIR}/index.html is missing: run npm run build:viewer first`);
  }
  const kg = await openKnowledgeGraph(files);
  return startServer({ kg, viewerDir: VIEWER_DIR, kbFiles: files, port: 0, ...options });
}

export interface BuiltKb {
  /** The built kb.ttl. */
  readonly kb: string;
  /** Removes the folder it was built in. */
  remove(): void;
}

/** Builds a sources folder (without curation) with the CLI into a temp folder. */
export async function buildSources(sources: string): Promise<BuiltKb> {
  const dir = mkdtempSync(join(tmpdir(), "cg-kb-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const out = join(dir, "graph");
  const r = await run([
    "build",
    ...["--sources", sources, "--curation", join(dir, "no-curation"), "--out", out],
    "-q",
  ]);
  if (r.code !== 0) {
    remove();
    throw new Error(`building ${sources} failed (exit ${r.code}):\n${r.err}`);
  }
  return { kb: join(out, "kb.ttl"), remove };
}

/** The hostile document (tests/fixtures/hostile/sources), built. */
export function buildHostile(): Promise<BuiltKb> {
  return buildSources(HOSTILE_SOURCES);
}

/** The second document (tests/fixtures/sources, nortriptyline vs sertraline), built. */
export function buildSecond(): Promise<BuiltKb> {
  return buildSources(SECOND_SOURCES);
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** The body's bytes as sent. */
  readonly bytes: Buffer;
}

/**
 * One HTTP request with `path` sent as written (http.request does not normalise it, unlike
 * fetch or URL). Resolves with what came back, even when the server closes right away.
 */
export function rawRequest(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request(
      {
        host: hostname,
        port,
        path,
        method: options.method ?? "GET",
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const bytes = Buffer.concat(chunks);
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: bytes.toString("utf8"),
            bytes,
          });
        });
        res.on("error", fail);
      },
    );
    req.on("error", fail);
    req.end(options.body);
  });
}

/** Sends `text` on a bare socket and returns every byte the server answers until it closes. */
export function rawExchange(base: string, text: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => done(Buffer.concat(chunks).toString("latin1")));
    socket.on("error", fail);
    socket.setTimeout(5000, () => {
      socket.destroy();
      fail(new Error("no answer within 5 s"));
    });
  });
}

/** A client that asked for `path` and stopped reading once the answer began. */
export interface StalledClient {
  /** The status line and headers, and whatever came with them. */
  readonly first: string;
  /** Drops the connection. */
  close(): void;
}

/** Sends GET `path` on a bare socket, reads the first chunk of the answer, then stops reading. */
export function stalledClient(base: string, path: string): Promise<StalledClient> {
  const { host, hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const socket = connect({ host: hostname, port: Number(port) }, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`),
    );
    socket.once("data", (chunk: Buffer) => {
      socket.pause();
      done({ first: chunk.toString("latin1"), close: () => socket.destroy() });
    });
    socket.on("error", fail);
    socket.on("close", () => fail(new Error(`the server closed ${path} before answering`)));
  });
}
