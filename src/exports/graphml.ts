/**
 * GraphML (Cytoscape, yEd, Gephi, NetworkX) of the export graph. graphology-graphml reads
 * GraphML but has no writer, so this one is written here, small and strict: every attribute
 * is declared with its type in a `<key>`, values are XML-escaped (xml-text.ts), numbers are
 * written as JavaScript prints them (shortest round-trip form), and nodes and edges keep the
 * export graph's order, so the bytes are stable.
 */
import { VERSION } from "../base/version.ts";
import type { ExportEdge, ExportGraph, ExportNode } from "./view-graph.ts";
import { xmlEscaped as xml } from "./xml-text.ts";

type KeyType = "string" | "double" | "int" | "boolean";

/** The attributes written, in order, with their GraphML types. */
const NODE_KEYS: ReadonlyArray<readonly [keyof ExportNode, KeyType]> = [
  ["label", "string"],
  ["kind", "string"],
  ["type", "string"],
  ["colour", "string"],
  ["x", "double"],
  ["y", "double"],
  ["size", "double"],
  ["claims", "int"],
  ["evidence", "string"],
  ["uncited", "boolean"],
  ["documents", "string"],
];
const EDGE_KEYS: ReadonlyArray<readonly [keyof ExportEdge, KeyType]> = [
  ["kind", "string"],
  ["label", "string"],
];

export function graphmlText(graph: ExportGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- claimgraph ${xml(VERSION)}: claims are nodes, linked to their subject, object, references and document -->`,
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([name, type]) => keyLine("node", name, type)),
    ...EDGE_KEYS.map(([name, type]) => keyLine("edge", name, type)),
    '  <graph id="claimgraph" edgedefault="directed">',
  ];
  const keys = graph.getAttribute("positioned")
    ? NODE_KEYS
    : NODE_KEYS.filter(([name]) => name !== "x" && name !== "y");
  graph.forEachNode((key, a) => {
    lines.push(`    <node id="${xml(key)}">`, ...dataLines("n", keys, a), "    </node>");
  });
  graph.forEachEdge((key, a, source, target) => {
    lines.push(
      `    <edge id="${xml(key)}" source="${xml(source)}" target="${xml(target)}">`,
      ...dataLines("e", EDGE_KEYS, a),
      "    </edge>",
    );
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

function keyLine(kind: "node" | "edge", name: string, type: KeyType): string {
  return `  <key id="${kind[0]}_${name}" for="${kind}" attr.name="${name}" attr.type="${type}"/>`;
}

function dataLines<T>(
  prefix: string,
  keys: ReadonlyArray<readonly [keyof T & string, KeyType]>,
  a: T,
): string[] {
  return keys.flatMap(([name]) => {
    const value = a[name];
    if (value === "" || value === undefined) return [];
    return [`      <data key="${prefix}_${name}">${xml(String(value))}</data>`];
  });
}
