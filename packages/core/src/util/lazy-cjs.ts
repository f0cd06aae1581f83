import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type * as TomlParser from "toml-eslint-parser";
import type * as AjvModule from "ajv";

/**
 * The YAML and TOML parsers are loaded only when such a file turns up (most runs read JSON alone, and loading them
 * is a fixed cost of every process). They are CommonJS packages, loaded synchronously: in the bundles
 * (dist/cli.js, dist/index.js) esbuild turns each `require("...")` below into its bundled copy, initialised on
 * first call (the bundles define `require`); from the built package, Node's `require` loads them.
 */
const nodeRequire = typeof require === "function" ? undefined : createRequire(import.meta.url);

export type YamlModule = typeof Yaml;
export type TomlParserModule = typeof TomlParser;
export type AjvLibrary = typeof AjvModule;

/* eslint-disable @typescript-eslint/no-require-imports -- synchronous lazy loading, see above */
export function loadYaml(): YamlModule {
  return (nodeRequire ? nodeRequire("yaml") : require("yaml")) as YamlModule;
}

export function loadTomlParser(): TomlParserModule {
  return (nodeRequire ? nodeRequire("toml-eslint-parser") : require("toml-eslint-parser")) as TomlParserModule;
}

/**
 * ajv with its compiler, needed only to compile a schema at run time: the dialects' and the config file's schemas
 * are precompiled (../schemas/validators.generated.ts), so a run loads it only to check a rule's options.
 */
export function loadAjv(): AjvLibrary {
  return (nodeRequire ? nodeRequire("ajv") : require("ajv")) as AjvLibrary;
}

/**
 * One of ajv's runtime helpers, as the code it generates takes it (`require("ajv/dist/runtime/<name>").default`):
 * CommonJS files of a few lines, loaded on first use by the precompiled validators.
 */
export function loadAjvRuntime(name: "ucs2length" | "equal"): unknown {
  const loaded =
    name === "ucs2length"
      ? nodeRequire
        ? nodeRequire("ajv/dist/runtime/ucs2length")
        : require("ajv/dist/runtime/ucs2length")
      : nodeRequire
        ? nodeRequire("ajv/dist/runtime/equal")
        : require("ajv/dist/runtime/equal");
  return (loaded as { default: unknown }).default;
}
/* eslint-enable @typescript-eslint/no-require-imports */
