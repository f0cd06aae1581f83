import type { TSESLint } from "@typescript-eslint/utils";
import type { CodeRuleDocs } from "./create-rule.js";
import { mcpTransportTarget } from "./mcp-transport-target.js";
import { noRawSocketTransport } from "./no-raw-socket-transport.js";
import { mcpServerMustConnect } from "./mcp-server-must-connect.js";
import { mcpTransportMustConnect } from "./mcp-transport-must-connect.js";
import { awaitMcpConnect } from "./await-mcp-connect.js";
import { noFixedSleepBeforeConnect } from "./no-fixed-sleep-before-connect.js";
import { noStdoutInStdioServer } from "./no-stdout-in-stdio-server.js";
import { noStdioCommandLine } from "./no-stdio-command-line.js";
import { noDeprecatedSseTransport } from "./no-deprecated-sse-transport.js";
import { httpServerOriginHostProtection } from "./http-server-origin-host-protection.js";
import { preferRegisterTool } from "./prefer-register-tool.js";
import { noLowLevelServer } from "./no-low-level-server.js";
import { noLateTransportCallbacks } from "./no-late-transport-callbacks.js";
import { noShellSpawnForMcp } from "./no-shell-spawn-for-mcp.js";
import { closeMcpClient } from "./close-mcp-client.js";
import { serverCapabilities } from "./server-capabilities.js";
import { noToolInputInShell } from "./no-tool-input-in-shell.js";
import { noSharedServerInstance } from "./no-shared-server-instance.js";
import { noHardcodedCredentials } from "./no-hardcoded-credentials.js";
import { noToolPoisoning } from "./no-tool-poisoning.js";

export type { CodeRuleDocs } from "./create-rule.js";

/** An ESLint rule module of mcp-lint's code rules (typed options erased). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- options tuples differ per rule
export type CodeRule = TSESLint.RuleModule<string, any[], CodeRuleDocs> & { name: string };

/** Every code rule by id, in documentation order (priority order of the catalogue). */
export const codeRules: Readonly<Record<string, CodeRule>> = Object.freeze({
  "mcp-transport-target": mcpTransportTarget,
  "no-raw-socket-transport": noRawSocketTransport,
  "mcp-server-must-connect": mcpServerMustConnect,
  "mcp-transport-must-connect": mcpTransportMustConnect,
  "await-mcp-connect": awaitMcpConnect,
  "no-fixed-sleep-before-connect": noFixedSleepBeforeConnect,
  "no-stdout-in-stdio-server": noStdoutInStdioServer,
  "server-capabilities": serverCapabilities,
  "no-stdio-command-line": noStdioCommandLine,
  "no-deprecated-sse-transport": noDeprecatedSseTransport,
  "http-server-origin-host-protection": httpServerOriginHostProtection,
  "prefer-register-tool": preferRegisterTool,
  "no-low-level-server": noLowLevelServer,
  "no-late-transport-callbacks": noLateTransportCallbacks,
  "no-shell-spawn-for-mcp": noShellSpawnForMcp,
  "close-mcp-client": closeMcpClient,
  "no-tool-input-in-shell": noToolInputInShell,
  "no-shared-server-instance": noSharedServerInstance,
  "no-hardcoded-credentials": noHardcodedCredentials,
  "no-tool-poisoning": noToolPoisoning,
});

/** Metadata of a code rule, in the same shape as a config rule's `meta` plus the ESLint bits. */
export interface CodeRuleMeta {
  id: string;
  description: string;
  severity: CodeRuleDocs["severity"];
  recommended: boolean;
  fixable: boolean;
  hasSuggestions: boolean;
  securitySeverity?: number;
  /** ESLint rule type. */
  type: "problem" | "suggestion" | "layout";
  docsUrl: string;
  messages: Readonly<Record<string, string>>;
  schema: readonly unknown[];
  defaultOptions: readonly unknown[];
}

function metaOf(id: string, rule: CodeRule): CodeRuleMeta {
  const { meta } = rule;
  const docs = meta.docs!;
  const schema = meta.schema;
  return {
    id,
    description: docs.description,
    severity: docs.severity,
    recommended: docs.recommended,
    fixable: meta.fixable !== undefined,
    hasSuggestions: meta.hasSuggestions === true,
    ...(docs.securitySeverity !== undefined ? { securitySeverity: docs.securitySeverity } : {}),
    type: meta.type,
    docsUrl: docs.url ?? "",
    messages: meta.messages,
    schema: Array.isArray(schema) ? schema : [schema],
    defaultOptions: meta.defaultOptions ?? [],
  };
}

/** The metadata list of every code rule. */
export const codeRuleMeta: readonly CodeRuleMeta[] = Object.freeze(Object.entries(codeRules).map(([id, rule]) => metaOf(id, rule)));

export function getCodeRule(id: string): CodeRule | undefined {
  return Object.hasOwn(codeRules, id) ? codeRules[id] : undefined;
}
