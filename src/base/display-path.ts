/** How a file's path is shown to people in diagnostics. */
import { relative } from "node:path";

/** Paths in diagnostics are relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}
