// Serving a knowledge base for the viewer's tests: the real server, in this process, on
// 127.0.0.1 and a free port; the hostile document built into a throwaway folder; and raw
// HTTP requests whose paths reach the server exactly as written.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { type RunningServer, startServer } from "../../src/server/server.ts";
import { turtleOf } from "../../src/server/turtle.ts";
import { ROOT, SECOND_SOURCES } from "./build.ts";
import { run } from "./cli.ts";
import { FRESH_KB } from "./fresh-kb.ts";

/** The viewer as `npm run build:viewer` builds it. */
export const VIEWER_DIR = join(ROOT, "dist", "viewer");
/** The seed's kb.ttl as this test run built it (not the committed graph/kb.ttl). */
export const SEED_KB = FRESH_KB;
export const HOSTILE_SOURCES = join(ROOT, "tests", "fixtures", "hostile", "sources");

/** Starts the viewer's server for `files` on 127.0.0.1 and a free port; `close()` stops it. */
export async function serveKb(files: readonly string[] = [SEED_KB]): Promise<RunningServer> {
  if (!existsSync(join(VIEWER_DIR, "index.html"))) {
    throw new Error(`${VIEWER_DIR}/index.html is missing: run npm run build:viewer first`);
  }
  const kg = await openKnowledgeGraph(files);
  const only = files.length === 1 ? files[0] : undefined;
  return startServer({
    kg,
    viewerDir: VIEWER_DIR,
    turtle: () =>
      only?.toLowerCase().endsWith(".ttl") ? readFileSync(only, "utf8") : turtleOf(files),
    port: 0,
  });
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
}

/**
 * One HTTP request with `path` sent as written (http.request does not normalise it, unlike
 * fetch or URL). Resolves with what came back, even when the server closes right away.
 */
export function rawRequest(
  base: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
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
        res.on("end", () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", fail);
      },
    );
    req.on("error", fail);
    req.end();
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
