#!/usr/bin/env node
// The command-line entry: everything lives in the bundled CLI (npm ci builds it; so does npm run build:cli).
import { main } from "../dist/main.js";

process.exitCode = await main(process.argv.slice(2));
