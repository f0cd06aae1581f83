import { mcpApiMismatch } from "./mcp-api-mismatch.js";
import { mcpServerMustConnect } from "./mcp-server-must-connect.js";
import { noStdoutInStdioServer } from "./no-stdout-in-stdio-server.js";
import { noSyncRunInEventLoop } from "./no-sync-run-in-event-loop.js";
import { stdioServerUsage } from "./stdio-server-usage.js";
import type { PythonRule } from "./types.js";
import { validMcpImport } from "./valid-mcp-import.js";

export type { PythonRule, PythonRuleContext, PythonReport } from "./types.js";

/** Every Python rule, in documentation order. A rule that shares an id with a JavaScript/TypeScript rule reports the same failure. */
export const pythonRules: ReadonlyArray<PythonRule<string, Record<string, unknown>>> = Object.freeze([
  noStdoutInStdioServer,
  mcpServerMustConnect,
  stdioServerUsage,
  validMcpImport,
  mcpApiMismatch,
  noSyncRunInEventLoop,
] as Array<PythonRule<string, Record<string, unknown>>>);
