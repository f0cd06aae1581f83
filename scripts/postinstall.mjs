#!/usr/bin/env node
// Root postinstall: in a checkout (npm ci / npm install), build the TypeScript packages so `npx mcp-lint` and the
// tests run at once. Anywhere else — the root package installed from its tarball, which is how pre-commit installs
// the hook — there is nothing to build: the command is the self-contained dist/cli.js.
//
// Not a `prepare` script on purpose: `npm pack` runs `prepare` and prints its banner on stdout, and pre-commit reads
// the tarball's name from that stdout.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// pre-commit installs the hook inside a nodeenv (it sets NODE_VIRTUAL_ENV): it runs `npm install` in a clone of this
// repository only to `npm pack` it, and the packed bin is the prebuilt dist/cli.js, so building there is wasted time.
if (process.env.NODE_VIRTUAL_ENV && existsSync(new URL("../dist/cli.js", import.meta.url))) process.exit(0);
if (existsSync(new URL("../tsconfig.json", import.meta.url)) && existsSync(new URL("../packages/core", import.meta.url))) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    console.error("mcp-lint postinstall: TypeScript is not installed (install without --omit=dev to build the packages).");
    process.exit(0);
  }
  const result = spawnSync(process.execPath, [tsc, "-b"], { cwd: root, stdio: "inherit" });
  process.exit(result.status ?? 1);
}
