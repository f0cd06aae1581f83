import type { Format } from "../document/types.js";
import { noVariables } from "./shared.js";
import type { Dialect } from "./types.js";

/**
 * Not a client: the dialect a dependency manifest or lockfile is linted as (document/manifest.ts). It has no
 * servers and no paths (never matched or sniffed as an MCP config); only rules marked `manifest` run on it.
 */
export const MANIFEST_DIALECT_ID = "manifest";

const byFormat = new Map<Format, Dialect>();

export function manifestDialect(format: Format): Dialect {
  let d = byFormat.get(format);
  if (!d) {
    d = {
      id: MANIFEST_DIALECT_ID,
      client: "a dependency manifest",
      docsUrl: "https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules/vulnerable-sdk.md",
      format,
      comments: false,
      trailingCommas: false,
      paths: [],
      schema: {},
      servers: { kind: "map", pointers: [] },
      rootKeys: [],
      keys: { command: "command", url: ["url"] },
      types: {},
      transports: [],
      variables: noVariables,
      cwd: "unknown",
    };
    byFormat.set(format, d);
  }
  return d;
}
