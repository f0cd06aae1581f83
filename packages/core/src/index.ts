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
export { codeRules, codeRuleMeta, type CodeRule, type CodeRuleMeta } from "./rules/js/index.js";
export { lintSourceText, isCodeFile, mightBeMcpCode, type LintSourceOptions } from "./code/js/runner.js";
export * from "./eslint/index.js";
// URL and placeholder analysis, shared with the probe (it reports the same facts the static rules do).
export { analyseUrl, entryUrl, origin, hostPortText, isLoopbackHost, isUnspecifiedHost, type UrlParts, type UrlShape } from "./util/urls.js";
export { findPlaceholders, plainEnvName, valueSubrange, type Placeholder, type PlaceholderForm } from "./util/placeholders.js";
export { NON_MCP_PORTS } from "./code/transport-urls.js";
// The output redaction step (every formatter, the Action, the probe).
export { Redactor, REDACTED, redactResults, redactValue, secretsOfSource, shapeRedactor } from "./engine/redact.js";
