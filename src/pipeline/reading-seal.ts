/**
 * The seal on a stored reading (reading-store.ts): an HMAC-SHA256, under the user's own secret
 * key (cache/secret-key.ts), of the piece's bytes, its key and the document it is a reading of.
 * The output folder may be written by others; a piece is deserialized only when its seal
 * checks out, so only readings this user's claimgraph stored for that very document are used.
 * A store sealed under another key (another user's, another machine's, a key removed since)
 * is read again from the documents, as a full build would.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { userSecret } from "../cache/secret-key.ts";
import { codeKey } from "./reading-key.ts";

/** The key file's name in the cache folder. */
export const READINGS_KEY = "readings.key";

/** Why the user's kept key is not used: its file, the reason, and what would let it be. */
export interface Refusal {
  readonly path: string;
  readonly reason: string;
  readonly hint: string;
}

export class ReadingSeal {
  readonly #secret: Buffer;
  /** Whether the key is the user's kept one: when not, nothing stored before checks out. */
  readonly kept: boolean;
  /** Why no kept key is used, with the key file's path; undefined when one is. */
  readonly refusal: Refusal | undefined;

  constructor(secret: Buffer, refusal?: Refusal) {
    this.#secret = secret;
    this.kept = refusal === undefined;
    this.refusal = refusal;
  }

  /** The seal of `piece`, the reading of `file` keyed `key` (hex). */
  seal(key: string, file: string, piece: Uint8Array): string {
    const head = `${JSON.stringify(["claimgraph reading", codeKey(), key, file, piece.length])}\n`;
    return createHmac("sha256", this.#secret).update(head).update(piece).digest("hex");
  }

  /** Whether `seal` (hex, as the index holds it) is the seal of `piece` under this key. */
  opens(seal: string, key: string, file: string, piece: Uint8Array): boolean {
    const expected = Buffer.from(this.seal(key, file, piece), "hex");
    const given = Buffer.from(seal, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** The seal under the user's kept key, or under a key for this build alone (with why). */
export function userSeal(env: NodeJS.ProcessEnv = process.env): ReadingSeal {
  const found = userSecret(READINGS_KEY, env);
  return found.kept
    ? new ReadingSeal(found.secret)
    : new ReadingSeal(found.secret, { path: found.path, reason: found.reason, hint: found.hint });
}
