/**
 * `/kb/kb.ttl` (and the knowledge base's other files, kb-formats.ts): the knowledge base as one Turtle file, streamed from the download cache with
 * backpressure (a client that does not read holds a socket buffer and one read chunk, never
 * the file). At most `maxDownloads` run at once (503 with Retry-After beyond), one that makes
 * no progress for `idleMs` is dropped, HEAD never serialises (no Content-Length until a
 * download has made the current version), and a single byte range is answered with 206.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import type { DownloadCache, Version } from "./download-cache.ts";
import { SECURITY_HEADERS, send, TEXT } from "./headers.ts";
import { rangeOf } from "./ranges.ts";

/** A file offered for download: its name and its Content-Type. */
export interface DownloadFile {
  readonly name: string;
  readonly type: string;
}

export const TURTLE_FILE: DownloadFile = { name: "kb.ttl", type: "text/turtle; charset=utf-8" };

/** Downloads at once (of each file), by default. */
export const MAX_DOWNLOADS = 4;
/** Seconds a client over the cap is asked to wait. */
export const RETRY_AFTER_SECONDS = 10;
/** A download that sends nothing for this long (the client stopped reading) is dropped. */
export const DOWNLOAD_IDLE_MS = 60_000;

export class KbDownload {
  private active = 0;

  constructor(
    private readonly cache: DownloadCache,
    private readonly maxDownloads = MAX_DOWNLOADS,
    private readonly idleMs = DOWNLOAD_IDLE_MS,
    private readonly file: DownloadFile = TURTLE_FILE,
  ) {}

  /** Downloads under way now. */
  get running(): number {
    return this.active;
  }

  async answer(req: IncomingMessage, res: ServerResponse, head: boolean): Promise<void> {
    if (head) {
      respond(req, res, await this.cache.cached(), true, this.file);
      return;
    }
    if (this.active >= this.maxDownloads) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      send(res, 503, TEXT, "too many downloads at once; try again shortly\n", false);
      return;
    }
    this.active += 1;
    res.once("close", () => {
      this.active -= 1;
    });
    const version = await this.cache.version();
    // Idle from here: making the version (once, for every waiting download) is not idleness.
    res.setTimeout(this.idleMs);
    respond(req, res, version, false, this.file);
  }
}

/**
 * Writes the answer for `version` (undefined: a HEAD before anything was serialised), and
 * ends its lease: when the body has been read, or at once when there is none.
 */
function respond(
  req: IncomingMessage,
  res: ServerResponse,
  version: Version | undefined,
  head: boolean,
  file: DownloadFile,
): void {
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    "Content-Type": file.type,
    "Content-Disposition": `attachment; filename="${file.name}"`,
    "Accept-Ranges": "bytes",
    "Cache-Control": "no-cache",
  };
  if (!version) {
    res.writeHead(200, headers);
    res.end();
    return;
  }
  headers.ETag = version.etag;
  const range = rangeOf(
    req.headers.range,
    header(req.headers["if-range"]),
    version.etag,
    version.size,
  );
  if (range.kind === "unsatisfiable") {
    version.release();
    res.setHeader("Content-Range", `bytes */${version.size}`);
    send(res, 416, TEXT, "range not satisfiable\n", head);
    return;
  }
  const [start, end] = range.kind === "part" ? [range.start, range.end] : [0, version.size - 1];
  if (range.kind === "part") headers["Content-Range"] = `bytes ${start}-${end}/${version.size}`;
  headers["Content-Length"] = end - start + 1;
  res.writeHead(range.kind === "part" ? 206 : 200, headers);
  if (head || end < start) {
    version.release();
    res.end();
    return;
  }
  pipeline(version.read(start, end), res, () => {});
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}
