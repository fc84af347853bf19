/** `claimgraph start` (what `npm start` runs): build the knowledge base into graph/ and summarise it. */
import type { Command } from "commander";
import type { CommandContext } from "../main.ts";
import { runBuild } from "./build.ts";

export function registerStart(program: Command, ctx: CommandContext): void {
  program
    .command("start")
    .description("build the knowledge base from graph/sources into graph/ and print its summary")
    .action(() => runBuild({ sources: "graph/sources", out: "graph" }, ctx));
}
