#!/usr/bin/env node
// Entry of the `mcp-lint` command: bin/mcp-lint.js in the npm package, dist/cli.js in the self-contained bundle that
// the repository root's package.json exposes (pre-commit installs the hook from there).
import { run } from "./cli.js";

process.exitCode = await run(process.argv.slice(2));
