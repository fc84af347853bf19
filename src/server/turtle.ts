/** The knowledge base as one Turtle file, for the viewer's download, from any --kb files. */
import { Writer } from "n3";
import { readKnowledgeBaseFiles } from "../graph/load.ts";
import { turtleTriples } from "../rdf/write/serialize.ts";

export function turtleOf(files: readonly string[]): Promise<string> {
  const { quads, prefixes } = readKnowledgeBaseFiles(files);
  const writer = new Writer({ format: "Turtle", prefixes });
  writer.addQuads(turtleTriples(quads));
  return new Promise((done, fail) =>
    writer.end((error, text) => (error ? fail(error) : done(text))),
  );
}
