/**
 * Everything `@mcp-lint/core` exports (./index.ts) but the code rules' modules: `codeRules`, `codeRuleMeta` and
 * `lintSourceText`. The bundles (scripts/build-action.mjs) import the package as this file. A module that a
 * bundle's entry reaches by static imports, even through re-exports it does not use, is put by esbuild in a chunk
 * that entry loads at start; through this file the code rules are reached only by lintFiles' dynamic import of
 * their runner, so a run with no MCP code does not load (or even parse) them.
 */
export * from "./model/finding.js";
export * from "./document/index.js";
export * from "./dialects/index.js";
export * from "./dialects/servers.js";
export * from "./rules/index.js";
export * from "./engine/lint-config-text.js";
export * from "./engine/fix.js";
export * from "./document/edits.js";
export { fingerprint } from "./model/fingerprint.js";
export { collectDirectives } from "./engine/directives.js";
export { detectSecret, isPlaceholder, SECRET_NAME } from "./util/secrets.js";
export * from "./model/errors.js";
export * from "./settings/settings.js";
export * from "./engine/discovery.js";
export * from "./engine/lint-files.js";
export * from "./engine/suppressions.js";
export * from "./engine/run-lint.js";
export { MAX_FILE_BYTES, readRegularFile, readProblemText, writeFileSafely, writeProblemReason, isInside, FileProblem, type SafeWriteOptions } from "./util/safe-fs.js";
export * from "./formatters/index.js";
export { allRules, getRuleInfo, presetSeverities, type RuleInfo } from "./rules/catalog.js";
export { isProbeRule, PROBE_RULE_DEFAULTS } from "./rules/probe-rules.js";
export { settleFindings } from "./engine/settle-findings.js";
// From their own small modules, not through the runner: a bundle that uses only these does not take in the code rules.
export { isCodeFile } from "./code/languages.js";
export { mightBeMcpCode } from "./code/js/prefilter.js";
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
