/** A scan of src/'s relative imports, and the imports that break the layer order of LAYERS. */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

export interface Import {
  /** The importing file, relative to src/. */
  readonly file: string;
  /** The import as written. */
  readonly specifier: string;
  /** The imported file, relative to src/. */
  readonly target: string;
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^;'"]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;

/** Every relative import of every .ts file under `srcDir`, in file order. */
export function scanImports(srcDir: string): Import[] {
  const imports: Import[] = [];
  for (const path of tsFiles(srcDir)) {
    const file = relative(srcDir, path);
    for (const m of readFileSync(path, "utf8").matchAll(IMPORT)) {
      const specifier = (m[1] ?? m[2]) as string;
      const target = normalize(join(dirname(file), specifier));
      imports.push({ file, specifier, target });
    }
  }
  return imports;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return tsFiles(path);
      return e.name.endsWith(".ts") ? [path] : [];
    });
}

/**
 * The room of src/ a path belongs to: the longest of `rooms` that is the path or a folder
 * holding it (a room may be a subfolder, like rdf/vocab), else the path's first folder.
 */
export function roomOf(file: string, rooms: Iterable<string> = []): string {
  let best = "";
  for (const room of rooms) {
    if ((file === room || file.startsWith(`${room}/`)) && room.length > best.length) best = room;
  }
  return best || (file.split("/")[0] as string);
}

/** The layer index of every folder, from LAYERS. */
export function layerIndex(layers: readonly (readonly string[])[]): Map<string, number> {
  return new Map(layers.flatMap((rooms, i) => rooms.map((room) => [room, i] as const)));
}

/** One line per import that runs up, sideways to a peer, or from an unplaced folder. */
export function layerViolations(
  imports: readonly Import[],
  layers: readonly (readonly string[])[],
  allowed: ReadonlyMap<string, string>,
): string[] {
  const index = layerIndex(layers);
  const out: string[] = [];
  for (const imp of imports) {
    const from = roomOf(imp.file, index.keys());
    const to = roomOf(imp.target, index.keys());
    if (from === to || allowed.has(`${from} -> ${to}`)) continue;
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined) {
      const room = a === undefined ? from : to;
      out.push(`${imp.file}: import "${imp.specifier}": ${room} is in no layer`);
    } else if (b >= a) {
      const how = b === a ? "a peer of its own layer" : "a higher layer";
      out.push(`${imp.file}: import "${imp.specifier}": ${from} imports ${to}, ${how}`);
    }
  }
  return out;
}

/** One line per import cycle between files: the files around it, joined by arrows. */
export function importCycles(imports: readonly Import[]): string[] {
  const next = new Map<string, string[]>();
  for (const imp of imports) next.set(imp.file, [...(next.get(imp.file) ?? []), imp.target]);
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const target of next.get(file) ?? []) {
      if (state.get(target) === "open") cycles.push(cycleLine(stack.slice(stack.indexOf(target))));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

/** A cycle's files from its first in sort order, back to it: the same cycle reads the same. */
function cycleLine(files: readonly string[]): string {
  const first = files.indexOf([...files].sort()[0] as string);
  const turned = [...files.slice(first), ...files.slice(0, first)];
  return [...turned, turned[0]].join(" -> ");
}
