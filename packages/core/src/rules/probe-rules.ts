import type { Severity } from "../model/finding.js";

/**
 * The findings `mcp-lint probe` makes (packages/probe) as rules of the one catalog: the static run never reports
 * them, but `mcp-lint.config.json`, inline directives and the suppressions file apply to them as to every rule.
 * The probe's own id constants (packages/probe/src/messages.ts RULES) are checked against this list by a test.
 */
export const PROBE_RULE_DEFAULTS: ReadonlyArray<{ id: string; description: string; severity: Severity; securitySeverity?: number }> = [
  { id: "probe-unresolved-variable", description: "A placeholder the client expands has no value, so the server was not started", severity: "error" },
  { id: "probe-command-not-found", description: "The server's command is not on PATH, does not exist, names a missing #! interpreter or is not executable", severity: "error" },
  { id: "probe-cwd-not-found", description: "The server's working directory does not exist", severity: "error" },
  { id: "probe-exited", description: "The server process exited before answering initialize", severity: "error" },
  { id: "probe-stdout-noise", description: "A stdio server wrote lines that are not JSON-RPC to stdout", severity: "error" },
  { id: "probe-connection-refused", description: "Nothing listens on the host and port the server's URL names", severity: "error" },
  { id: "probe-host-not-found", description: "The host of the server's URL does not resolve", severity: "error" },
  { id: "probe-unsupported-scheme", description: "The server's URL uses a scheme that is not an MCP transport", severity: "error" },
  { id: "probe-http-status", description: "The server's URL answered with an HTTP error status (wrong path or server error)", severity: "error" },
  // An error when configured credentials were rejected (the client cannot connect); a warning when none are configured
  // (the client signs in: the server is skipped).
  { id: "probe-auth-required", description: "The server asks for credentials (HTTP 401/403) or rejects the configured ones", severity: "error" },
  { id: "probe-tls", description: "The TLS connection to the server failed (certificate or handshake)", severity: "error" },
  { id: "probe-timeout", description: "The server did not answer initialize (or a list call) in time", severity: "error" },
  { id: "probe-protocol", description: "The server answered, but not as an MCP server", severity: "error" },
  {
    id: "tool-surface-changed",
    description: "A server's tools, prompts or resource templates differ from mcp-lint.lock.json (a changed description may be a rug pull)",
    severity: "warning",
    // Medium, as pinned-package: a change may be an attack (a rug pull) as well as an update, to review.
    securitySeverity: 5.0,
  },
  {
    id: "duplicate-tool-name",
    description: "Two servers of one config file offer a tool with the same name",
    severity: "warning",
    // Medium-low: one server can take the calls meant for another's tool (shadowing), or it is a plain name clash.
    securitySeverity: 4.0,
  },
  { id: "probe-lock-invalid", description: "mcp-lint.lock.json cannot be read (malformed, too large, a link out of the project)", severity: "warning" },
  {
    id: "served-prompt-injection",
    description: "A tool, prompt or resource template a server returns carries hidden text or instructions aimed at the model (tool poisoning)",
    severity: "error",
    // As the static no-prompt-injection rule: the same scanner on the same kind of text.
    securitySeverity: 8.0,
  },
];

const PROBE_IDS: ReadonlySet<string> = new Set(PROBE_RULE_DEFAULTS.map((r) => r.id));

/** Is this a rule only the probe reports (the static run never does)? */
export function isProbeRule(id: string): boolean {
  return PROBE_IDS.has(id);
}
