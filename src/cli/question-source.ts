/**
 * Where a command's answers come from, chosen once from its flags: the SPARQL store at
 * `--endpoint` (its address checked and the credentials read first), else the `--kb` files.
 * The command then asks its questions (sparql/questions.ts) without knowing which it got.
 */
import { LocalQuestions, needsEndpoint } from "../query/local.ts";
import type { QuestionSource } from "../sparql/questions.ts";
import { kbFiles } from "./kb-option.ts";

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
