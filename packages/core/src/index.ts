export * from "./api.js";
// The code rules and their runner: the bundles leave them out of what every run loads (see ./api.ts).
export { codeRules, codeRuleMeta, type CodeRule, type CodeRuleMeta } from "./rules/js/index.js";
export { lintSourceText, isCodeFile, mightBeMcpCode, type LintSourceOptions } from "./code/js/runner.js";
export * from "./eslint/index.js";
// URL and placeholder analysis, shared with the probe (it reports the same facts the static rules do).
export { analyseUrl, entryUrl, origin, hostPortText, isLoopbackHost, isUnspecifiedHost, type UrlParts, type UrlShape } from "./util/urls.js";
export { findPlaceholders, plainEnvName, valueSubrange, type Placeholder, type PlaceholderForm } from "./util/placeholders.js";
export { NON_MCP_PORTS } from "./code/transport-urls.js";
// The output redaction step (every formatter, the Action, the probe).
export { Redactor, REDACTED, redactResults, redactValue, secretsOfSource, shapeRedactor } from "./engine/redact.js";
export { didYouMean, didYouMeanText } from "./util/did-you-mean.js";
export { scanAgentText, signalSeverity as agentTextSignalSeverity, ALL_KINDS as AGENT_TEXT_SIGNAL_KINDS, DEFAULT_KINDS as AGENT_TEXT_DEFAULT_KINDS, MAX_SCANNED as AGENT_TEXT_MAX_SCANNED, type Signal as AgentTextSignal, type SignalKind as AgentTextSignalKind, type AgentTextContext } from "./security/agent-text.js";
export { installedConfigCandidates, scanInstalled, type InstalledCandidate, type InstalledContext, type InstalledFile, type InstalledPlatform, type InstalledScan } from "./engine/installed.js";
export { lintSourceText, type LintSourceOptions } from "./code/js/runner.js";
