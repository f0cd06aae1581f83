#!/usr/bin/env node
// The single-threaded floor for the config case of `npm run bench`, run as a whole process:
// walk the folder, read every file, parse it (JSON.parse; JSONC with strip-json-comments; yaml; TOML with the
// toml-eslint-parser mcp-lint uses) and validate it with ajv against its dialect's schema (compiled in this process).
// No positions, no rules, no reporting. Which file is which dialect comes from the manifest the bench wrote
// (path suffix -> dialect and format), so no mcp-lint code is loaded here.
// Usage: node scripts/bench/config-floor.mjs <corpus folder>
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const root = process.argv[2];
const require = createRequire(new URL("../../packages/core/package.json", import.meta.url));
const Ajv = require("ajv").default;
const manifest = JSON.parse(readFileSync(join(root, ".manifest.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map();
let yaml;
let toml;
let stripJsonComments;

function parse(text, format) {
  switch (format) {
    case "json":
      try {
        return JSON.parse(text);
      } catch {
        return parse(text, "jsonc"); // comments and trailing commas, which the clients accept in their .json files
      }
    case "jsonc":
      stripJsonComments ??= require("strip-json-comments").default ?? require("strip-json-comments");
      return JSON.parse(stripJsonComments(text, { trailingCommas: true }).replace(/,(\s*[}\]])/g, "$1"));
    case "yaml":
      yaml ??= require("yaml");
      return yaml.parse(text);
    case "toml": {
      toml ??= require("toml-eslint-parser");
      return toml.getStaticTOMLValue(toml.parseTOML(text));
    }
    default:
      throw new Error(`unknown format ${format}`);
  }
}

let files = 0;
let invalid = 0;
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile()) {
      const kind = manifest.find((m) => path.endsWith(m.suffix));
      if (!kind) continue;
      let validate = validators.get(kind.dialect);
      if (!validate) validators.set(kind.dialect, (validate = ajv.compile(manifest.schemas[kind.dialect])));
      files++;
      if (!validate(parse(readFileSync(path, "utf8"), kind.format))) invalid++;
    }
  }
}
manifest.find = (fn) => manifest.kinds.find(fn);
walk(root);
console.log(JSON.stringify({ files, invalid }));
