/**
 * Where a command's answers come from, chosen once from its flags: the SPARQL store at
 * `--endpoint` (its address checked and the credentials read first), else the `--kb` files.
 * The command then asks its questions (sparql/questions.ts) without knowing which it got.
 */
import type { Command } from "commander";
import { LocalQuestions, needsEndpoint } from "../query/local.ts";
import type { QuestionSource } from "../sparql/questions.ts";
import { kbFiles } from "./kb-option.ts";

/**
 * `--endpoint URL` (what it does: `endpointHelp`, the credentials' sources added) and the two
 * flags that go with it, worded alike on every command that reads from a store.
 */
export function addStoreOptions(command: Command, endpointHelp: string): Command {
  return command
    .option("--endpoint <url>", `${endpointHelp} ${CREDENTIALS}`)
    .option(
      "--password-stdin",
      "with --endpoint: read the password from standard input (user: CLAIMGRAPH_USER)",
    )
    .option(
      "--allow-insecure-basic",
      "with --endpoint: answer a store's Basic authentication over plain http, which sends the password in clear (refused by default)",
    );
}

const CREDENTIALS =
  "(credentials: CLAIMGRAPH_USER with CLAIMGRAPH_PASSWORD, a prompt on a terminal, or --password-stdin)";

export interface SourceFlags {
  readonly kb?: string[] | undefined;
  readonly endpoint?: string | undefined;
  readonly passwordStdin?: boolean | undefined;
  readonly allowInsecureBasic?: boolean | undefined;
  readonly update?: boolean | undefined;
}

export interface SourceChoice {
  /**
   * Refuse the store's flags (--update, --allow-insecure-basic, --password-stdin) without
   * --endpoint, before anything is read (`query` does; `trace` has always ignored them).
   */
  readonly storeFlagsNeedEndpoint?: boolean;
}

export async function questionSource(
  flags: SourceFlags,
  choice: SourceChoice = {},
): Promise<QuestionSource> {
  if (flags.endpoint) return storeSource(flags.endpoint, flags);
  if (choice.storeFlagsNeedEndpoint) {
    const given = flags.update
      ? "--update"
      : flags.allowInsecureBasic
        ? "--allow-insecure-basic"
        : flags.passwordStdin
          ? "--password-stdin"
          : undefined;
    if (given) throw needsEndpoint(given);
  }
  return new LocalQuestions(kbFiles(flags));
}

/** The store at `endpoint`; its client and the credential prompt load only when one is given. */
async function storeSource(endpoint: string, flags: SourceFlags): Promise<QuestionSource> {
  const [{ RemoteQuestions, checkUrl }, { storeCredentials }] = await Promise.all([
    import("../store/index.ts"),
    import("./credentials.ts"),
  ]);
  checkUrl(endpoint, "--endpoint");
  const auth = await storeCredentials({ passwordStdin: flags.passwordStdin });
  return new RemoteQuestions(endpoint, auth, { allowInsecureBasic: flags.allowInsecureBasic });
}
