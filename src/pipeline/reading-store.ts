/**
 * The readings a build keeps for the next one (incremental builds, #16.1): each document's
 * reading, serialized (reading-piece.ts), in `kb.readings`
 * inside the generation, and `kb.readings.json` naming each piece's key, place, sha256 and
 * seal (reading-seal.ts: an HMAC under the user's own key). The output folder is no safer than
 * any input, so nothing stored is trusted: a piece is deserialized only when the index is of
 * this code's format and the piece's seal checks out for its key and document (so only this
 * user's claimgraph wrote it), and used only when its sha256 matches, it deserializes to a
 * reading's shape, and that reading is of the very file and bytes it is now used for.
 * Anything else is read again from the document, as a full build would.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { deserialize } from "node:v8";
import { type DocumentReading, receivedReading, type SourceFile } from "./document-reading.ts";
import { POINTER } from "./out-names.ts";
import { codeKey } from "./reading-key.ts";
import type { ReadingSeal } from "./reading-seal.ts";

export const READINGS = "kb.readings";
export const READINGS_INDEX = "kb.readings.json";

/** The largest index and store read back: larger ones are not read (a full build follows). */
const INDEX_LIMIT = 64 * 1024 * 1024;
const STORE_LIMIT = 2 * 1024 * 1024 * 1024 - 1;

/** What a build keeps of its readings: each document's key and piece, in document order. */
export interface StoredReadings {
  readonly keys: readonly string[];
  /** Each document's file, in the same order (what its piece's seal names). */
  readonly files: readonly string[];
  /**
   * The serialized reading; undefined for a document that is no text (never kept). Handed
   * over: `takeStore` empties it, so the pieces (600 MB at 10,000 documents) are freed before
   * the outputs are written.
   */
  readonly pieces: (Uint8Array | undefined)[];
  /** How many documents' readings came from the store, and how many were read. */
  readonly reused: number;
  readonly read: number;
  /** The seal the pieces are stored under. */
  readonly seal: ReadingSeal;
}

/** A reading found in the store, with its piece (kept as it is in the next store). */
export interface Reused {
  readonly reading: DocumentReading;
  readonly piece: Uint8Array;
}

type IndexEntry = readonly [
  key: string,
  offset: number,
  length: number,
  sha256: string,
  seal: string,
];

interface IndexFile {
  readonly format: string;
  readonly pieces: readonly IndexEntry[];
}

/**
 * The store's two files: the pieces one after another (never joined into one buffer), and the
 * index. Takes the pieces out of `stored`, which holds none after.
 */
export function takeStore(stored: StoredReadings): { store: Uint8Array[]; index: string } {
  // A second take would write an empty store, and the next build would read every document.
  if (stored.pieces.length !== stored.keys.length)
    throw new Error("takeStore: the readings were taken already (write a prepared build once)");
  const entries: IndexEntry[] = [];
  const store: Uint8Array[] = [];
  let offset = 0;
  stored.keys.forEach((key, i) => {
    const piece = stored.pieces[i];
    if (!piece) return;
    const seal = stored.seal.seal(key, stored.files[i] as string, piece);
    entries.push([key, offset, piece.length, sha256(piece), seal]);
    store.push(piece);
    offset += piece.length;
  });
  stored.pieces.length = 0;
  const index: IndexFile = { format: codeKey(), pieces: entries };
  return { store, index: `${JSON.stringify(index)}\n` };
}

/**
 * The stored readings of the build in `outDir` that fit `sources` (keyed by `keys[i]`) and
 * carry `seal`'s seal, by key; none when there is no store, or it is unreadable, of another
 * format or too large, or `seal`'s key is not a kept one (nothing stored can check out).
 */
export function loadReadings(
  outDir: string,
  keys: readonly string[],
  sources: readonly SourceFile[],
  seal: ReadingSeal,
): Map<string, Reused> {
  const found = new Map<string, Reused>();
  if (!seal.kept) return found;
  const dir = join(outDir, POINTER);
  const index = parseIndex(readBounded(join(dir, READINGS_INDEX), INDEX_LIMIT));
  if (!index) return found;
  const wanted = new Map(keys.map((key, i) => [key, sources[i] as SourceFile]));
  if (!index.pieces.some((e) => wanted.has(e[0]))) return found;
  const store = readBounded(join(dir, READINGS), STORE_LIMIT);
  if (!store) return found;
  for (const [key, offset, length, sha, mac] of index.pieces) {
    const source = wanted.get(key);
    if (!source || found.has(key) || offset + length > store.length) continue;
    const piece = store.subarray(offset, offset + length);
    // The seal first: nothing another account may have written is deserialized.
    if (!seal.opens(mac, key, source.file, piece) || sha256(piece) !== sha) continue;
    const reading = boundReading(piece, source);
    if (reading) found.set(key, { reading, piece });
  }
  return found;
}

/** The index, when it is one of this code's format with well-formed entries. */
function parseIndex(bytes: Buffer | undefined): IndexFile | undefined {
  if (!bytes) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
  const index = value as Partial<IndexFile> | null;
  if (index?.format !== codeKey() || !Array.isArray(index.pieces)) return undefined;
  return index.pieces.every(wellFormed) ? (index as IndexFile) : undefined;
}

function wellFormed(entry: unknown): boolean {
  if (!Array.isArray(entry) || entry.length !== 5) return false;
  const [key, offset, length, sha, mac] = entry;
  const hex = (s: unknown) => typeof s === "string" && /^[0-9a-f]{64}$/.test(s);
  const count = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return hex(key) && count(offset) && count(length) && hex(sha) && hex(mac);
}

/**
 * The piece as a reading of `source`, or undefined when it does not deserialize, lacks a
 * reading's parts, or is a reading of another file or other bytes.
 */
function boundReading(piece: Uint8Array, source: SourceFile): DocumentReading | undefined {
  let value: unknown;
  try {
    value = deserialize(piece);
  } catch {
    return undefined;
  }
  const r = value as Partial<Record<keyof DocumentReading, unknown>> | null;
  if (!isObject(r) || !Array.isArray(r.parsing) || !Array.isArray(r.extracting)) return undefined;
  if (typeof r.broken !== "boolean" || r.broken !== (r.extracted === undefined)) return undefined;
  if (!r.broken && !isObject(r.extracted)) return undefined;
  const document = r.document as { sha256?: unknown; source?: unknown } | undefined;
  const text = document?.source as { file?: unknown; text?: unknown } | undefined;
  if (!isObject(document) || !isObject(text) || typeof text.text !== "string") return undefined;
  if (text.file !== source.file || document.sha256 !== sha256(source.bytes)) return undefined;
  return receivedReading(r as DocumentReading);
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A regular file's bytes when it is at most `limit` long; undefined for anything else. Opened
 * as read-limited.ts opens inputs: no link followed, and without blocking, so a FIFO put in
 * the output folder cannot hang the build.
 */
function readBounded(path: string, limit: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > limit) return undefined;
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
