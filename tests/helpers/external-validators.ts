// Independent RDF syntax checkers for tests: raptor's `rapper` and serd's `serdi`, run as
// subprocesses so an export is judged by parsers that share no code with claimgraph or N3.js.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export type RdfSyntax = "turtle" | "trig" | "nquads";

export interface ValidatorResult {
  /** True when the tool exited 0: no errors (and, for rapper, no warnings). */
  ok: boolean;
  /** What the tool printed (stderr, plus stdout for rapper), for assertion messages. */
  output: string;
}

const INSTALL_HINT = "install raptor2-utils / serdi (see .ci/run)";

/** `rapper -i <syntax> -c <file>`: counts triples; exits 1 on errors, 2 on warnings. */
export function rapperCheck(file: string, syntax: RdfSyntax): ValidatorResult {
  return runValidator("rapper", ["-i", syntax, "-c", file], file, true);
}

/** `serdi -i <syntax> -o ntriples <file>` with the N-Triples discarded; exits 1 on errors. */
export function serdiCheck(file: string, syntax: RdfSyntax): ValidatorResult {
  return runValidator("serdi", ["-i", syntax, "-o", "ntriples", file], file, false);
}

function runValidator(
  command: string,
  args: string[],
  file: string,
  keepStdout: boolean,
): ValidatorResult {
  // A missing input would make the tool fail and a "rejects" test pass for the wrong reason.
  if (!existsSync(file)) {
    throw new Error(`${command}: input file not found: ${file}`);
  }
  const result = spawnSync(command, args, {
    encoding: "utf8",
    stdio: ["ignore", keepStdout ? "pipe" : "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new Error(`${command} was not found on PATH: ${INSTALL_HINT}`);
    }
    throw new Error(`${command} could not be run on ${file}: ${result.error.message}`);
  }
  if (result.status === null) {
    throw new Error(`${command} was killed by ${result.signal} while checking ${file}`);
  }
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  return { ok: result.status === 0, output };
}
