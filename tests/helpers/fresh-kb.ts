// The seed as this test run built it (tests/support/fresh-build.ts), for the tests that read a
// knowledge base: they see what the code under test builds, not the committed graph/kb.*.
import { join } from "node:path";
import { inject } from "vitest";

/** The folder holding the fresh build's kb.ttl, kb.trig, kb.nq and kb.jsonld. */
export const FRESH_GRAPH: string = inject("freshGraph");

/** The fresh build's Turtle knowledge base. */
export const FRESH_KB: string = join(FRESH_GRAPH, "kb.ttl");
