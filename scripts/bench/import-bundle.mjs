// Loads the bundled command line without running a command: the cost of the modules
// `claimgraph` imports before it knows which command it runs.
await import("../../dist/main.js");
