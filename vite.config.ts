import { resolve } from "node:path";
import { defineConfig } from "vite";

// The viewer is a static page: src/viewer is its root, dist/viewer its build. No inline
// script or style is emitted, so the server's Content-Security-Policy can forbid them.
export default defineConfig({
  root: resolve(import.meta.dirname, "src/viewer"),
  base: "/",
  build: {
    outDir: resolve(import.meta.dirname, "dist/viewer"),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  logLevel: "warn",
});
