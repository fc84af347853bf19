/**
 * The viewer's built files. Static paths are confined to the viewer's folder: encoded,
 * double-encoded, backslash and absolute spellings are refused rather than normalised.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { pipeline } from "node:stream";
import { SECURITY_HEADERS } from "./headers.ts";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * The file under `root` a request path names, or undefined. The path is decoded once;
 * anything still encoded, any `..` or `.` segment, backslash, NUL or empty segment is
 * refused rather than normalised, so no spelling reaches outside the folder.
 */
export function staticPath(root: string, rawUrl: string): string | undefined {
  const pathPart = rawUrl.split(/[?#]/, 1)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith("/") || /[\\\0%]/.test(decoded)) return undefined;
  const relative = decoded === "/" ? "index.html" : decoded.slice(1);
  const segments = relative.split("/");
  if (segments.some((s) => s === "" || s === "." || s === ".." || s.startsWith(".")))
    return undefined;
  const file = resolve(root, ...segments);
  if (!file.startsWith(root + sep)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

/** Sends a file `staticPath` found, streamed. */
export function sendStatic(res: ServerResponse, file: string, head: boolean): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Content-Length": statSync(file).size,
    "Cache-Control": "no-cache",
  });
  if (head) {
    res.end();
    return;
  }
  pipeline(createReadStream(file), res, () => {});
}
