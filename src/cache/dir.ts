/**
 * Where the snapshot cache lives, and whether it may be used. The cache is the user's own:
 * `CLAIMGRAPH_CACHE_DIR`, else `$XDG_CACHE_HOME/claimgraph`, else `~/.cache/claimgraph`,
 * created 0700. A folder another account owns or can write to (or could swap, through a
 * writable parent) is refused: a snapshot planted there would be answered from as if it were
 * the knowledge base, and a file written there could be read or redirected by that account.
 */
import { lstatSync, mkdirSync, realpathSync, type Stats, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";

export type FolderState =
  /** The folder is safe to read and write (`exists`: false when it is not made yet). */
  | { readonly dir: string; readonly status: "in-use"; readonly exists: boolean }
  | { readonly dir: string; readonly status: "refused"; readonly reason: string };

export type CacheState =
  | FolderState
  | { readonly dir: string; readonly status: "off"; readonly reason: string };

/** The cache folder the environment names; an empty variable counts as unset. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLAIMGRAPH_CACHE_DIR) return resolve(env.CLAIMGRAPH_CACHE_DIR);
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, "claimgraph");
  return join(homedir(), ".cache", "claimgraph");
}

/** Whether CLAIMGRAPH_NO_CACHE turns the cache off. */
export function cacheTurnedOff(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CLAIMGRAPH_NO_CACHE);
}

/** The cache as the environment sets it: off, or the state of its folder (never made here). */
export function cacheState(env: NodeJS.ProcessEnv = process.env): CacheState {
  const dir = cacheDir(env);
  if (cacheTurnedOff(env)) return { dir, status: "off", reason: "CLAIMGRAPH_NO_CACHE is set" };
  return folderState(dir);
}

/**
 * Whether `dir` may hold the cache. With `create`, a missing folder (and missing parents) is
 * made 0700; one that cannot be made is refused with the reason.
 */
export function folderState(dir: string, options: { readonly create?: boolean } = {}): FolderState {
  let exists = isPresent(dir);
  if (!exists && options.create) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      exists = true;
    } catch (error) {
      return { dir, status: "refused", reason: `it cannot be created (${errorCode(error)})` };
    }
  }
  const reason = exists ? unsafeFolder(dir) : unsafeAncestors(dir);
  return reason ? { dir, status: "refused", reason } : { dir, status: "in-use", exists };
}

/** Why `dir` is not safe to keep private files in, or undefined when it is. */
function unsafeFolder(dir: string): string | undefined {
  if (uid() === undefined) return undefined;
  let link: Stats;
  let st: Stats;
  let real: string;
  try {
    link = lstatSync(dir);
    real = realpathSync(dir);
    st = statSync(real);
  } catch (error) {
    return `it cannot be read (${errorCode(error)})`;
  }
  if (link.isSymbolicLink() && !ownedByUs(link)) {
    return `it is a symbolic link owned by uid ${link.uid}, not by you (uid ${uid()})`;
  }
  if (!st.isDirectory()) return "it is not a folder";
  if (!ownedByUs(st)) return `it is owned by uid ${st.uid}, not by you (uid ${uid()})`;
  if ((st.mode & 0o022) !== 0) {
    return `others can write to it (mode ${(st.mode & 0o777).toString(8).padStart(3, "0")})`;
  }
  return unsafeAncestors(real);
}

/**
 * Why an existing parent of `dir` would let another account swap the folder, or undefined:
 * every parent must be owned by root or the user, and not writable by others unless sticky
 * (as /tmp is: there only an entry's owner may rename it).
 */
function unsafeAncestors(dir: string): string | undefined {
  if (uid() === undefined) return undefined;
  let parent = dirname(dir);
  while (!isPresent(parent) && dirname(parent) !== parent) parent = dirname(parent);
  let at: string;
  try {
    at = realpathSync(parent);
  } catch (error) {
    return `its parent ${parent} cannot be read (${errorCode(error)})`;
  }
  for (;;) {
    let st: Stats;
    try {
      st = statSync(at);
    } catch (error) {
      return `its parent ${at} cannot be read (${errorCode(error)})`;
    }
    if (st.uid !== 0 && !ownedByUs(st)) {
      return `its parent ${at} is owned by uid ${st.uid}, who could replace it`;
    }
    if ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0) {
      return `others can write to its parent ${at} and replace it`;
    }
    if (dirname(at) === at) return undefined;
    at = dirname(at);
  }
}

/** The user's id; on systems without one (Windows) ownership and modes are not checked. */
export function uid(): number | undefined {
  return typeof process.getuid === "function" ? process.getuid() : undefined;
}

export function ownedByUs(st: Stats): boolean {
  const me = uid();
  return me === undefined || st.uid === me;
}

function isPresent(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
