// Every command's --help says each option's default once: commander adds "(default: X)" for
// an option given a default value, so a description that names the default too says it twice.
import type { Command, Option } from "commander";
import { describe, expect, it } from "vitest";
import { createProgram } from "../../src/cli/main.ts";

/** The program and every command under it, by their full names. */
function commands(cmd: Command, prefix = ""): [string, Command][] {
  const name = `${prefix}${cmd.name()}`;
  return [[name, cmd], ...cmd.commands.flatMap((c) => commands(c, `${name} `))];
}

/** Options whose help text, as commander prints it, says "default" more than once. */
function doubled(cmd: Command): string[] {
  const help = cmd.createHelp();
  return (cmd.options as Option[])
    .map((o) => [o.flags, help.optionDescription(o)] as const)
    .filter(([, text]) => (text.match(/\bdefault\b/gi) ?? []).length > 1)
    .map(([flags, text]) => `${flags}: ${text}`);
}

describe("--help", () => {
  it("names no option's default twice, in any command", () => {
    const program = createProgram({ io: { out: () => {}, err: () => {} }, exitCode: 0 });
    const found = commands(program).flatMap(([name, cmd]) =>
      doubled(cmd).map((o) => `${name} ${o}`),
    );
    expect(found).toEqual([]);
    // The walk reaches the commands (a test that walks nothing passes nothing).
    expect(commands(program).length).toBeGreaterThan(10);
  });
});
