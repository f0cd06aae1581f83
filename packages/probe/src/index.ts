/**
 * @mcp-lint/probe: start or reach every configured MCP server with the real SDK client and diagnose why
 * it fails, as findings in the same model (and formats) as the static rules.
 */
export { probe, backoffDelay } from "./probe.js";
export { formatProbeTable, formatProgressLine } from "./format.js";
export { RULES as PROBE_RULES } from "./messages.js";
export { PROBE_RULE_INFO } from "./rule-info.js";
export type { ProbeOptions, ProbeProgress, ProbeRun, ProbeStatus, ProbeTransport, ServerProbe } from "./types.js";
