import type { Dialect, VariableSyntax } from "./types.js";

const NAME = "[A-Za-z_][A-Za-z0-9_]*";

export const noVariables: VariableSyntax = { expands: [], describe: "no variable expansion" };

/** Claude Code, Kiro: `${VAR}` and `${VAR:-default}`. */
export const dollarBraceVariables: VariableSyntax = {
  expands: [new RegExp(`^\\$\\{${NAME}(:-[^}]*)?\\}$`)],
  env: (n) => `\${${n}}`,
  describe: "${VAR} or ${VAR:-default}",
};

/** VS Code-family predefined variables shared by VS Code and Cursor. */
export const vscodeFamilyVariables = [
  /^\$\{env:[^}]+\}$/,
  /^\$\{workspaceFolder(:[^}]+)?\}$/,
  /^\$\{workspaceFolderBasename\}$/,
  /^\$\{userHome\}$/,
  /^\$\{pathSeparator\}$/,
  /^\$\{\/\}$/,
];

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** True when `value` has an object under `key` whose entries look like MCP servers. */
export function hasServerMap(value: unknown, key: string): boolean {
  if (!isObject(value) || !isObject(value[key])) return false;
  const entries = Object.values(value[key]);
  return entries.length === 0 || entries.some((e) => isObject(e) && ("command" in e || "url" in e || "serverUrl" in e || "httpUrl" in e || "cmd" in e || "uri" in e || "type" in e));
}

/** Case-insensitive path matcher on forward-slash paths: `(^|/)` + pattern + `$`. */
export function pathEndsWith(pattern: string): RegExp {
  return new RegExp(`(^|/)${pattern}$`, "i");
}

/** Defaults shared by the clients that copied Claude Desktop's `mcpServers` map. */
export const mcpServersFamily = {
  format: "json",
  comments: false,
  trailingCommas: false,
  servers: { kind: "map", pointers: ["/mcpServers"] },
  rootKeys: ["mcpServers"],
  keys: { command: "command", args: "args", env: "env", headers: "headers", type: "type", url: ["url"] },
} satisfies Partial<Dialect>;
