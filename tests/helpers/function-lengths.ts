/**
 * Measures every function in `src/` with the TypeScript compiler's own parser: the named
 * declarations, methods and the arrow/function expressions bound to a name, with how many lines
 * each spans (from its first line to its closing brace).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FunctionLength {
  /** `src/…/file.ts:name`, the key the exception list uses. */
  readonly key: string;
  readonly lines: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The name a function is known by: its own, or the variable/property it is bound to. */
function functionName(node: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return node.name?.getText();
  if (ts.isConstructorDeclaration(node)) return "constructor";
  if (ts.isGetAccessor(node) || ts.isSetAccessor(node)) return node.name.getText();
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
      return parent.name.getText();
    }
    if (ts.isPropertyDeclaration(parent)) return parent.name.getText();
    return "(anonymous)";
  }
  return undefined;
}

/** Every function in the files under `root/src`, with its length in lines. */
export function functionLengths(root: string): FunctionLength[] {
  const found: FunctionLength[] = [];
  for (const file of sourceFiles(join(root, "src")).sort()) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const name = functionName(node);
      if (name !== undefined) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        found.push({ key: `${relative(root, file)}:${name}`, lines: last - first + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
