/**
 * A secret of the user's own: 32 random bytes kept in the private cache folder (dir.ts) as a
 * 0600 file (private-file.ts), made the first time it is asked for. What it signs can be
 * trusted to have been written by this user's claimgraph, wherever it was kept since.
 *
 * A key file that is a symbolic link, not a regular file, not the user's, readable or
 * writable by others, or not 32 bytes long is refused and left as it is (it may be known to
 * others): the caller gets a fresh key that lives only in memory, with the reason, so nothing
 * signed before is trusted and nothing signed now will be. So too when the cache is turned
 * off (CLAIMGRAPH_NO_CACHE) or its folder is refused.
 */
import { randomBytes } from "node:crypto";
import { lstatSync, type Stats } from "node:fs";
import { join } from "node:path";
import { cacheDir, cacheTurnedOff, folderState, ownedByUs, uid } from "./dir.ts";
import { readPrivateFile, writePrivateFile } from "./private-file.ts";

export const SECRET_BYTES = 32;

export type UserSecret =
  /** The key kept in `path`: what it signed in earlier runs checks out. */
  | { readonly secret: Buffer; readonly kept: true; readonly path: string }
  /** A key for this run alone, why no kept one could be used, and what would let one be. */
  | {
      readonly secret: Buffer;
      readonly kept: false;
      readonly path: string;
      readonly reason: string;
      readonly hint: string;
    };

const UNSAFE_HINT =
  "remove it: the next run makes a new key, 0600 (what the old one signed is not trusted)";
const FOLDER_HINT =
  "make the cache folder yours, private and writable, or point CLAIMGRAPH_CACHE_DIR at one that is";

/** The secret kept as `name` in the cache folder the environment names (made when missing). */
export function userSecret(name: string, env: NodeJS.ProcessEnv = process.env): UserSecret {
  const dir = cacheDir(env);
  const path = join(dir, name);
  if (cacheTurnedOff(env)) {
    const hint = "unset CLAIMGRAPH_NO_CACHE to keep the key in the cache folder";
    return fresh(path, "CLAIMGRAPH_NO_CACHE turns the cache folder off", hint);
  }
  const state = folderState(dir, { create: true });
  if (state.status === "refused") {
    return fresh(path, `the cache folder ${dir} is refused: ${state.reason}`, FOLDER_HINT);
  }
  const file = secretFileState(path);
  if (file === "absent") return made(path);
  if (file !== "in use") return fresh(path, file.refused, UNSAFE_HINT);
  // Read back and measured again: the file may have changed since it was looked at.
  const secret = readPrivateFile(path);
  if (secret?.length !== SECRET_BYTES) {
    const why = secret ? `it does not hold ${SECRET_BYTES} bytes` : "it cannot be read";
    return fresh(path, why, UNSAFE_HINT);
  }
  return { secret, kept: true, path };
}

/**
 * What `claimgraph cache` says of the key file at `path`, without making one: "absent", "in use"
 * (it would be used as it is), or why it would be refused.
 */
export function secretFileState(path: string): "absent" | "in use" | { readonly refused: string } {
  const found = lstatOrUndefined(path);
  if (!found) return "absent";
  const why = unsafeKeyFile(found);
  if (why) return { refused: why };
  if (found.size !== SECRET_BYTES) return { refused: `it does not hold ${SECRET_BYTES} bytes` };
  return "in use";
}

/** A new key written to `path`; the one there when another process wrote first. */
function made(path: string): UserSecret {
  const secret = randomBytes(SECRET_BYTES);
  try {
    writePrivateFile(path, [secret]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code ?? String(error);
    return fresh(path, `it cannot be written (${code})`, FOLDER_HINT);
  }
  const kept = readPrivateFile(path);
  if (kept?.length !== SECRET_BYTES) return fresh(path, "it cannot be read back", UNSAFE_HINT);
  return { secret: kept, kept: true, path };
}

/** Why the key file `st` (from lstat) must not be used, or undefined. */
function unsafeKeyFile(st: Stats): string | undefined {
  if (st.isSymbolicLink()) return "it is a symbolic link";
  if (!st.isFile()) return "it is not a regular file";
  if (!ownedByUs(st)) return `it is owned by uid ${st.uid}, not by you (uid ${uid()})`;
  if (uid() !== undefined && (st.mode & 0o077) !== 0) {
    return `others may read or write it (mode ${(st.mode & 0o777).toString(8).padStart(3, "0")})`;
  }
  return undefined;
}

function fresh(path: string, reason: string, hint: string): UserSecret {
  return { secret: randomBytes(SECRET_BYTES), kept: false, path, reason, hint };
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
