import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type * as TomlParser from "toml-eslint-parser";

/**
 * The YAML and TOML parsers are loaded only when such a file turns up (most runs read JSON alone, and loading them
 * is a fixed cost of every process). They are CommonJS packages, loaded synchronously: in the bundles
 * (dist/cli.js, dist/index.js) esbuild turns each `require("...")` below into its bundled copy, initialised on
 * first call (the bundles define `require`); from the built package, Node's `require` loads them.
 */
const nodeRequire = typeof require === "function" ? undefined : createRequire(import.meta.url);

export type YamlModule = typeof Yaml;
export type TomlParserModule = typeof TomlParser;

/* eslint-disable @typescript-eslint/no-require-imports -- synchronous lazy loading, see above */
export function loadYaml(): YamlModule {
  return (nodeRequire ? nodeRequire("yaml") : require("yaml")) as YamlModule;
}

export function loadTomlParser(): TomlParserModule {
  return (nodeRequire ? nodeRequire("toml-eslint-parser") : require("toml-eslint-parser")) as TomlParserModule;
}
/* eslint-enable @typescript-eslint/no-require-imports */
