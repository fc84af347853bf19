/**
 * Which files of an input folder may be read, decided before any is opened: only regular
 * files are. A symbolic link is followed only when its real path lies inside the folder it
 * was found in; a link leading out of it, or to nothing, is skipped with a warning (an error
 * under `--strict`). FIFOs, devices, sockets, folders named like an input, link loops and
 * files that cannot be looked at are located errors (line 1, column 1 of the file).
 */
import { lstatSync, readdirSync, realpathSync, type Stats } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../base/errors.ts";

/** An input file cleared for reading. */
export interface InputFile {
  /** Its name in the manifest, e.g. `sources/desipramine-vs-ssris.md`. */
  readonly key: string;
  /** The path shown in diagnostics: where it was found. */
  readonly file: string;
  /** The path to open: the file itself, or the real path a link inside the folder leads to. */
  readonly path: string;
}

/** The codes of problems with a file as a whole: there is no line of it to show. */
export const FILE_PROBLEM_CODES: ReadonlySet<string> = new Set([
  "NotARegularFile",
  "SymlinkOutsideFolder",
  "BrokenSymlink",
  "SymlinkLoop",
  "UnreadableFile",
  "FileTooLarge",
  "DocumentTooLarge",
]);

/** Where problems go, and whether a link not followed is an error (`--strict`). */
export interface Checks {
  readonly diagnostics: Diagnostic[];
  readonly strict: boolean;
  /** Shows a path in a diagnostic (relative to the working folder when inside it). */
  readonly display: (path: string) => string;
}

export function fileDiagnostic(
  code: string,
  file: string,
  message: string,
  hint: string,
  severity: Diagnostic["severity"] = "error",
): Diagnostic {
  return { code, severity, file, line: 1, column: 1, message, hint };
}

/** What a path is, once links inside `root` are followed; undefined when it is to be skipped. */
type Resolved = { readonly kind: "file" | "folder"; readonly path: string; readonly stats: Stats };

/**
 * The real path of a folder, or undefined when it does not exist. Links inside an input
 * folder are checked against this.
 */
export function realFolder(dir: string): string | undefined {
  try {
    const real = realpathSync(dir);
    return lstatSync(real).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks one path inside `root` (a real path). Returns what it resolves to, or undefined
 * after recording why it is not read. A missing path is undefined with no diagnostic.
 */
export function resolveInput(path: string, root: string, checks: Checks): Resolved | undefined {
  const file = checks.display(path);
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if (errno(error) === "ENOENT") return undefined;
    checks.diagnostics.push(unreadable(file, error));
    return undefined;
  }
  let real = path;
  if (stats.isSymbolicLink()) {
    try {
      real = realpathSync(path);
      stats = lstatSync(real);
    } catch (error) {
      checks.diagnostics.push(linkProblem(file, error, checks.strict));
      return undefined;
    }
    if (!inside(real, root)) {
      checks.diagnostics.push(
        fileDiagnostic(
          "SymlinkOutsideFolder",
          file,
          `a symbolic link to ${real}, outside ${root}; it is not read`,
          "copy the file into the folder, or link only to files inside it",
          checks.strict ? "error" : "warning",
        ),
      );
      return undefined;
    }
  }
  if (stats.isFile()) return { kind: "file", path: real, stats };
  if (stats.isDirectory()) return { kind: "folder", path: real, stats };
  checks.diagnostics.push(notRegular(file, stats));
  return undefined;
}

/**
 * The files of `dir` whose names `keep` accepts, sorted, each checked by `resolveInput`;
 * folders are entered when `recursive` (each real folder once), and otherwise a folder
 * with an accepted name is an error.
 */
export function listFolder(
  dir: string,
  key: string,
  keep: (name: string) => boolean,
  recursive: boolean,
  checks: Checks,
): InputFile[] {
  const root = realFolder(dir);
  if (root === undefined) return [];
  const found: InputFile[] = [];
  const seen = new Set<string>([root]);
  const walk = (folder: string, prefix: string) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch (error) {
      checks.diagnostics.push(unreadable(checks.display(folder), error));
      return;
    }
    for (const name of names) {
      if (!recursive && !keep(name)) continue;
      const path = join(folder, name);
      const resolved = resolveInput(path, root, checks);
      if (resolved?.kind === "file" && keep(name)) {
        found.push({ key: `${prefix}/${name}`, file: checks.display(path), path: resolved.path });
      } else if (resolved?.kind === "folder" && recursive) {
        if (seen.has(resolved.path)) continue;
        seen.add(resolved.path);
        walk(path, `${prefix}/${name}`);
      } else if (resolved?.kind === "folder" && keep(name)) {
        checks.diagnostics.push(notRegular(checks.display(path), resolved.stats));
      }
    }
  };
  walk(dir, key);
  return found;
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep);
}

function notRegular(file: string, stats: Stats): Diagnostic {
  return fileDiagnostic(
    "NotARegularFile",
    file,
    `${kindOf(stats)}, not a regular file; it is not read`,
    "only regular files are read: remove it or move it out of the folder",
  );
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isDirectory()) return "a folder";
  return "a special file";
}

function linkProblem(file: string, error: unknown, strict: boolean): Diagnostic {
  const code = errno(error);
  if (code === "ELOOP") {
    return fileDiagnostic(
      "SymlinkLoop",
      file,
      "a symbolic link that loops (too many levels of links)",
      "replace the link by the file it should lead to",
    );
  }
  if (code === "ENOENT" || code === "ENOTDIR") {
    return fileDiagnostic(
      "BrokenSymlink",
      file,
      "a symbolic link to nothing; it is not read",
      "remove the link or restore the file it leads to",
      strict ? "error" : "warning",
    );
  }
  return unreadable(file, error);
}

export function unreadable(file: string, error: unknown): Diagnostic {
  return fileDiagnostic(
    "UnreadableFile",
    file,
    `cannot be read (${errno(error) ?? (error as Error).message})`,
    "check that it is a file you may read",
  );
}

export function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException)?.code;
}
