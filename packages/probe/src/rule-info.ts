import type { ExtraRule } from "@mcp-lint/core";
import type { RULES } from "./messages.js";

const DOCS = "https://github.com/mcp-lint/mcp-lint/blob/main/docs/probe.md#findings";

const DESCRIPTIONS: Record<(typeof RULES)[keyof typeof RULES], [string, ExtraRule["severity"]]> = {
  "probe-unresolved-variable": ["A placeholder the client expands has no value, so the server was not started", "error"],
  "probe-command-not-found": ["The server's command is not on PATH, does not exist, names a missing #! interpreter or is not executable", "error"],
  "probe-cwd-not-found": ["The server's working directory does not exist", "error"],
  "probe-exited": ["The server process exited before answering initialize", "error"],
  "probe-stdout-noise": ["A stdio server wrote lines that are not JSON-RPC to stdout", "error"],
  "probe-connection-refused": ["Nothing listens on the host and port the server's URL names", "error"],
  "probe-host-not-found": ["The host of the server's URL does not resolve", "error"],
  "probe-unsupported-scheme": ["The server's URL uses a scheme that is not an MCP transport", "error"],
  "probe-http-status": ["The server's URL answered with an HTTP error status (wrong path or server error)", "error"],
  "probe-auth-required": ["The server asks for credentials (HTTP 401/403)", "warning"],
  "probe-tls": ["The TLS connection to the server failed (certificate or handshake)", "error"],
  "probe-timeout": ["The server did not answer initialize (or a list call) in time", "error"],
  "probe-protocol": ["The server answered, but not as an MCP server", "error"],
  "tool-surface-changed": ["A server's tools, prompts or resource templates differ from mcp-lint.lock.json (a changed description may be a rug pull)", "warning"],
  "duplicate-tool-name": ["Two servers of one config file offer a tool with the same name", "warning"],
  "probe-lock-invalid": ["mcp-lint.lock.json cannot be read (malformed, too large, a link out of the project)", "warning"],
  "served-prompt-injection": ["A tool, prompt or resource template a server returns carries hidden text or instructions aimed at the model (tool poisoning)", "error"],
};

/** Security findings: SARIF gives their rules `security-severity` and the `security` tag (as core's security rules). */
const SECURITY_SEVERITY: Partial<Record<keyof typeof DESCRIPTIONS, number>> = {
  // As the static no-prompt-injection rule: the same scanner on the same kind of text.
  "served-prompt-injection": 8.0,
};

/** The probe's finding ids described for SARIF and the Markdown report (core's formatters take them as extraRules). */
export const PROBE_RULE_INFO: readonly ExtraRule[] = Object.entries(DESCRIPTIONS).map(([id, [description, severity]]) => ({
  id,
  description,
  severity,
  docsUrl: DOCS,
  ...(SECURITY_SEVERITY[id as keyof typeof DESCRIPTIONS] !== undefined ? { securitySeverity: SECURITY_SEVERITY[id as keyof typeof DESCRIPTIONS]! } : {}),
}));
