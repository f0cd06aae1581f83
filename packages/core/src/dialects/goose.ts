import schema from "../schemas/goose.schema.json" with { type: "json" };
import { isObject, noVariables, pathEndsWith } from "./shared.js";
import type { Dialect } from "./types.js";

export const goose: Dialect = {
  id: "goose",
  client: "Goose",
  docsUrl: "https://block.github.io/goose/docs/guides/config-files",
  format: "yaml",
  comments: true,
  trailingCommas: true,
  paths: [pathEndsWith("goose/config\\.ya?ml"), pathEndsWith("goose/config/config\\.ya?ml")],
  sniff: (v) => isObject(v) && isObject(v.extensions),
  schema,
  servers: { kind: "map", pointers: ["/extensions"] },
  rootKeys: ["extensions"],
  keys: { command: "cmd", args: "args", env: "envs", headers: "headers", type: "type", url: ["uri"] },
  types: { stdio: "stdio", streamable_http: "http", sse: "sse", builtin: undefined, platform: undefined, frontend: undefined, inline_python: undefined },
  canonicalType: { stdio: "stdio", http: "streamable_http", sse: "sse" },
  urlDefault: undefined,
  transports: ["stdio", "http", "sse"],
  // Secrets belong in the keyring, referenced by name with env_keys.
  variables: { ...noVariables, unknown: true },
  cwd: "unknown",
};
