/**
 * Where a store's credentials come from: `CLAIMGRAPH_USER` and `CLAIMGRAPH_PASSWORD`; or the
 * user from the environment and the password typed at a prompt that does not echo it; or
 * the password piped in with `--password-stdin`. Never from a command-line argument, which
 * other users of the machine can read in the process list, and never printed.
 */
import { UsageError } from "../base/errors.ts";
import type { Credentials } from "../store/digest-auth.ts";
import { credentialsFromEnv } from "../store/http.ts";

/** The standard input, as far as reading a password needs it. */
export interface PasswordInput extends NodeJS.EventEmitter {
  readonly isTTY?: boolean | undefined;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface CredentialSources {
  readonly env?: NodeJS.ProcessEnv;
  readonly stdin?: PasswordInput;
  /** Where the prompt is written (standard error, so standard output stays the answer). */
  readonly prompt?: { write(text: string): unknown };
  /** `--password-stdin`: read the password from standard input, up to the first line end. */
  readonly passwordStdin?: boolean | undefined;
}

/** The largest password read from standard input. */
const MAX_PASSWORD = 4096;

export async function storeCredentials(
  sources: CredentialSources = {},
): Promise<Credentials | undefined> {
  const env = sources.env ?? process.env;
  const stdin = sources.stdin ?? process.stdin;
  const user = env.CLAIMGRAPH_USER;
  const hasUser = user !== undefined && user !== "";
  if (sources.passwordStdin) {
    if (!hasUser)
      throw new UsageError(
        "--password-stdin needs CLAIMGRAPH_USER",
        "set CLAIMGRAPH_USER to the store's user name",
      );
    if (env.CLAIMGRAPH_PASSWORD)
      throw new UsageError(
        "--password-stdin and CLAIMGRAPH_PASSWORD are both given",
        "give the password one way only",
      );
    return { user, password: await readLine(stdin, false) };
  }
  if (hasUser && env.CLAIMGRAPH_PASSWORD === undefined) {
    if (stdin.isTTY !== true || typeof stdin.setRawMode !== "function") {
      throw new UsageError(
        "CLAIMGRAPH_USER is set but no password is given",
        "set CLAIMGRAPH_PASSWORD, pipe it in with --password-stdin, or run on a terminal to be asked for it",
      );
    }
    (sources.prompt ?? process.stderr).write(`Password for ${user}: `);
    try {
      return { user, password: await readLine(stdin, true) };
    } finally {
      (sources.prompt ?? process.stderr).write("\n");
    }
  }
  return credentialsFromEnv(env);
}

/**
 * One line from `input`, without its line end. On a terminal (`raw`), keys are read one by
 * one with echo off: backspace deletes, Ctrl-C and Ctrl-D with nothing typed cancel.
 */
function readLine(input: PasswordInput, raw: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (error?: Error) => {
      input.removeListener("data", onData);
      input.removeListener("end", onEnd);
      input.removeListener("error", onError);
      if (raw) input.setRawMode?.(false);
      input.pause();
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string | Buffer) => {
      for (const c of String(chunk)) {
        if (c === "\n" || c === "\r") return finish();
        if (raw && c === "\u0003") return finish(new UsageError("cancelled", ""));
        if (raw && c === "\u0004") {
          if (typed === "") return finish(new UsageError("cancelled", ""));
          return finish();
        }
        if (raw && (c === "\u007f" || c === "\b")) {
          typed = [...typed].slice(0, -1).join("");
          continue;
        }
        typed += c;
        if (typed.length > MAX_PASSWORD)
          return finish(
            new UsageError(
              `the password read is longer than ${MAX_PASSWORD} characters`,
              "pipe in the password alone, on one line",
            ),
          );
      }
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    if (raw) input.setRawMode?.(true);
    input.setEncoding("utf8");
    input.on("data", onData);
    input.on("end", onEnd);
    input.on("error", onError);
    input.resume();
  });
}
