// The reference point "node importing n3 and graphology": what a process that only
// loads the two libraries the knowledge graph is made of costs, resolved from this
// repository's node_modules as the CLI would resolve them.
await import("n3");
await import("graphology");
