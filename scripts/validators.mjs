#!/usr/bin/env node
// Writes packages/core/src/schemas/validators.generated.ts: every built-in dialect's schema and
// mcp-lint.config.schema.json compiled with ajv's standalone code generator, so that no run compiles a schema (a
// dialect's schema was about a fifth of a cold start on one config file) or loads ajv's compiler. The dialects'
// schemas are compiled with util/schema-validation.ts's schemaAjv, the config schema with its configAjv (the
// instances a run compiled them with before), all taken from the built package: run `npx tsc -b` first.
// `--check` fails when the file is not what this script would write (test/core/schema-standalone.test.ts runs it).
//
// Usage: node scripts/validators.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SOURCE = join(ROOT, "packages/core/src/schemas");
export const OUT = join(SOURCE, "validators.generated.ts");
const CONFIG_SCHEMA = "mcp-lint.config.schema.json";

const requireCore = createRequire(join(ROOT, "packages/core/package.json"));
const standaloneCode = requireCore("ajv/dist/standalone").default;

/** ajv's JSON-in-code (JSON.stringify with U+2028/U+2029 escaped), to find the root schema's literal. */
const jsonCode = (value) => JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** The body of one validator factory: ajv's standalone code for `schema`, taking the root schema as `root`. */
function factoryBody(ajv, schema, name) {
  const validate = ajv.compile(schema);
  const validateName = validate.source?.validateName?.str;
  if (!validateName) throw new Error(`validators.mjs: ${name}: ajv gave no source (code.source option)`);
  let code = standaloneCode(ajv, validate);
  const header = `"use strict";\nmodule.exports = ${validateName};\nmodule.exports.default = ${validateName};\n`;
  if (!code.startsWith(header)) throw new Error(`validators.mjs: ${name}: unexpected standalone code header`);
  code = code.slice(header.length);
  // Literals of the root schema and of its parts (a `$ref`'s target is compiled as a schema of its own) become the
  // imported JSON object and paths into it, as when ajv compiles the schema at run time (errors' `parentSchema` and
  // `schema` are the same objects), and the schema is not in the code a second time.
  const parts = new Map();
  const walk = (value, path) => {
    if (typeof value !== "object" || value === null) return;
    const key = jsonCode(value);
    if (!parts.has(key)) parts.set(key, path);
    for (const [k, v] of Object.entries(value)) walk(v, `${path}[${JSON.stringify(Array.isArray(value) ? Number(k) : k)}]`);
  };
  walk(schema, "root");
  let rootFound = false;
  code = code.replace(/^const (schema\d+) = (.*);$/gm, (line, id, literal) => {
    const path = parts.get(literal);
    if (path === undefined) return line;
    if (path === "root") rootFound = true;
    return `const ${id} = ${path};`;
  });
  if (!rootFound) throw new Error(`validators.mjs: ${name}: the root schema's literal was not found`);
  // ajv's runtime helpers (`require("ajv/dist/runtime/ucs2length").default`) come from util/schema-runtime.ts.
  code = code.replace(/require\("ajv\/dist\/runtime\/([a-z_0-9]+)"\)\.default/g, (m, helper) => {
    if (!RUNTIME_HELPERS.includes(helper)) throw new Error(`validators.mjs: ${name}: ajv runtime helper "${helper}" is not in schema-runtime.ts`);
    return `runtime.ajvRuntime(${JSON.stringify(helper)})`;
  });
  if (/\brequire\(/.test(code)) throw new Error(`validators.mjs: ${name}: the generated code still requires a module`);
  return `${code.trimEnd()}\nreturn ${validateName};`;
}

let RUNTIME_HELPERS;

/** The text of validators.generated.ts. */
export async function expected() {
  const core = pathToFileURL(join(ROOT, "packages/core/dist/"));
  const { schemaAjv, configAjv } = await import(new URL("util/schema-validation.js", core).href);
  const runtime = await import(new URL("util/schema-runtime.js", core).href);
  const { dialects } = await import(new URL("dialects/index.js", core).href);
  RUNTIME_HELPERS = runtime.RUNTIME_HELPERS;
  const section = (items, makeAjv) => {
    const seen = new Map();
    for (const { name, schema } of items) {
      const key = runtime.schemaFingerprint(schema);
      if (seen.has(key)) {
        seen.get(key).names.push(name);
        continue;
      }
      seen.set(key, { names: [name], body: factoryBody(makeAjv(), schema, name) });
    }
    return [...seen].map(([key, { names, body }]) => `  // ${names.join(", ")}\n  [\n    ${JSON.stringify(key)},\n    (root) => {\n${indent(body, 6)}\n    },\n  ],`);
  };
  // Every built-in dialect's schema (from a schema file or made in code), in the dialects' order.
  const dialectEntries = section(
    dialects.filter((d) => d.schema && Object.keys(d.schema).length > 0).map((d) => ({ name: `dialect ${d.id}`, schema: d.schema })),
    () => schemaAjv({ source: true }),
  );
  const configSchema = JSON.parse(readFileSync(join(SOURCE, CONFIG_SCHEMA), "utf8"));
  const configEntries = section([{ name: CONFIG_SCHEMA, schema: configSchema }], () => configAjv({ source: true }));
  return [
    "/* eslint-disable */",
    "// @ts-nocheck",
    "// Generated by scripts/validators.mjs (ajv standalone code); do not edit. Each entry: the fingerprint of a schema's",
    "// content (util/schema-runtime.ts's schemaFingerprint) and the factory of its validator, given the schema as `root`.",
    'import * as runtime from "../util/schema-runtime.js";',
    "",
    "/** The built-in dialects' schemas, compiled with util/schema-validation.ts's schemaAjv. */",
    "export const dialectValidators = new Map([",
    ...dialectEntries,
    "]);",
    "",
    `/** ${CONFIG_SCHEMA}, compiled with util/schema-validation.ts's configAjv. */`,
    "export const configValidators = new Map([",
    ...configEntries,
    "]);",
    "",
  ].join("\n");
}

function indent(text, n) {
  const pad = " ".repeat(n);
  return text
    .split("\n")
    .map((l) => (l ? pad + l : l))
    .join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const text = await expected();
  let current;
  try {
    current = readFileSync(OUT, "utf8");
  } catch {
    current = undefined;
  }
  if (process.argv.includes("--check")) {
    if (current !== text) {
      console.error("packages/core/src/schemas/validators.generated.ts is out of date: run `npx tsc -b && node scripts/validators.mjs`.");
      process.exit(1);
    }
    console.log("validators.generated.ts: up to date.");
  } else if (current !== text) {
    writeFileSync(OUT, text);
    console.log("validators.generated.ts: written (run `npx tsc -b` to build it).");
  } else {
    console.log("validators.generated.ts: up to date.");
  }
}
