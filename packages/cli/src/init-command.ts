import { lstatSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CONFIG_FILE_NAME, UsageError, writeFileSafely, writeProblemReason } from "@mcp-lint/core";
import { argsErrorText } from "./report.js";

/** The config schema, as shipped at the repository root (schemas/, see scripts/schemas.mjs). */
export const CONFIG_SCHEMA_URL = "https://raw.githubusercontent.com/mcp-lint/mcp-lint/main/schemas/mcp-lint.config.schema.json";

export const STARTER_CONFIG = `{
  // mcp-lint's config (JSON with comments). Each linted file uses the mcp-lint.config.json files from its folder
  // up to the repository root, the nearest winning; "root": true stops the lookup here.
  "$schema": "${CONFIG_SCHEMA_URL}",
  "root": true,
  // "recommended" (default), "strict" (adds pinned-package) or "all".
  "preset": "recommended",
  // Rule settings: "off" | "info" | "warning" | "error", or [severity, { options }]. mcp-lint --list-rules lists them.
  "rules": {},
  // Globs of files not to lint, relative to this folder.
  "ignores": []
}
`;

export const WORKFLOW_FILE = ".github/workflows/mcp-lint.yml";

export const STARTER_WORKFLOW = `name: mcp-lint
on: [push, pull_request]
permissions:
  contents: read
jobs:
  mcp-lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: mcp-lint/mcp-lint@v1
`;

const HELP = `mcp-lint init [--workflow]

Write a starter ${CONFIG_FILE_NAME} in the current folder (never over an existing file).

      --workflow   Also write the GitHub workflow ${WORKFLOW_FILE} (annotations on pull requests)
  -h, --help       Show this help
`;

export interface InitIO {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

function exists(path: string): boolean {
  try {
    lstatSync(path); // a link (even a broken one) counts: nothing is written through it
    return true;
  } catch {
    return false;
  }
}

/** `mcp-lint init`: 0 written, 2 when a file is already there (nothing is written then) or cannot be written. */
export function runInit(argv: string[], io: InitIO): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { workflow: { type: "boolean" }, help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (error) {
    io.stderr.write(`mcp-lint init: ${argsErrorText(error)}\nRun "mcp-lint init --help" for usage.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const files: Array<[string, string]> = [[CONFIG_FILE_NAME, STARTER_CONFIG]];
  if (values.workflow) files.push([WORKFLOW_FILE, STARTER_WORKFLOW]);
  // All or nothing: every target is checked before anything is written.
  const taken = files.filter(([name]) => exists(join(io.cwd, name))).map(([name]) => name);
  if (taken.length) {
    io.stderr.write(`mcp-lint init: ${taken.join(" and ")} already ${taken.length === 1 ? "exists" : "exist"}: nothing was written (remove ${taken.length === 1 ? "it" : "them"} first to start over).\n`);
    return 2;
  }
  for (const [name, text] of files) {
    try {
      // Inside the cwd only, never through a link, atomically.
      writeFileSafely(join(io.cwd, name), text, { root: io.cwd, mkdir: true });
    } catch (error) {
      throw new UsageError(`init: cannot write ${name} (${writeProblemReason(error)}).`);
    }
    io.stdout.write(`Wrote ${name}\n`);
  }
  return 0;
}
