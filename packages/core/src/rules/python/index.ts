import { httpServerOriginHostProtection } from "./http-server-origin-host-protection.js";
import { mcpApiMismatch } from "./mcp-api-mismatch.js";
import { mcpServerMustConnect } from "./mcp-server-must-connect.js";
import { mcpTransportTarget } from "./mcp-transport-target.js";
import { noDeprecatedSseTransport } from "./no-deprecated-sse-transport.js";
import { noFixedSleepBeforeConnect } from "./no-fixed-sleep-before-connect.js";
import { noRawSocketTransport } from "./no-raw-socket-transport.js";
import { noStdioCommandLine } from "./no-stdio-command-line.js";
import { awaitMcpConnectPython } from "./await-mcp-connect.js";
import { clientSessionInitialize } from "./client-session-initialize.js";
import { noBlockingCallInAsyncHandler } from "./no-blocking-call-in-async-handler.js";
import { noStdoutInStdioServer } from "./no-stdout-in-stdio-server.js";
import { noSyncRunInEventLoop } from "./no-sync-run-in-event-loop.js";
import { noToolInputInShellPython } from "./no-tool-input-in-shell.js";
import { stdioServerUsage } from "./stdio-server-usage.js";
import type { PythonRule } from "./types.js";
import { validMcpImport } from "./valid-mcp-import.js";
import { noHardcodedCredentialsPython } from "./no-hardcoded-credentials.js";
import { noToolPoisoningPython } from "./no-tool-poisoning.js";

export type { PythonRule, PythonRuleContext, PythonReport } from "./types.js";

/** Every Python rule, in documentation order. A rule that shares an id with a JavaScript/TypeScript rule reports the same failure. */
export const pythonRules: ReadonlyArray<PythonRule<string, Record<string, unknown>>> = Object.freeze([
  noStdoutInStdioServer,
  mcpServerMustConnect,
  stdioServerUsage,
  mcpTransportTarget,
  noRawSocketTransport,
  noStdioCommandLine,
  noDeprecatedSseTransport,
  httpServerOriginHostProtection,
  noFixedSleepBeforeConnect,
  awaitMcpConnectPython,
  clientSessionInitialize,
  noBlockingCallInAsyncHandler,
  validMcpImport,
  mcpApiMismatch,
  noSyncRunInEventLoop,
  noToolInputInShellPython,
  noHardcodedCredentialsPython,
  noToolPoisoningPython,
] as Array<PythonRule<string, Record<string, unknown>>>);
