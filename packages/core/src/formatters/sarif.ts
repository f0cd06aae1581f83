import { pathToFileURL } from "node:url";
import type { Finding, Severity } from "../model/finding.js";
import { allRules } from "../rules/catalog.js";
import { docsUrl } from "../rules/types.js";
import type { Formatter } from "./types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
export const INFORMATION_URI = "https://github.com/mcp-lint/mcp-lint";

/** Findings that do not come from a rule still need a descriptor. */
const PSEUDO_RULES: Record<string, { description: string; severity: Severity }> = {
  "read-error": { description: "The file could not be read", severity: "error" },
  "write-error": { description: "--fix could not write the fixed file", severity: "error" },
  "file-ignored": { description: "A file named explicitly matches an ignore pattern and was not linted", severity: "warning" },
  "internal-error": { description: "mcp-lint failed on this file (a bug in mcp-lint)", severity: "error" },
};

interface Descriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: "error" | "warning" | "note"; enabled: boolean };
  properties: { tags: string[]; "security-severity"?: string };
}

function sentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** `hasDocs`: a catalog rule (its page); false for the pseudo rules (read-error, internal-error…). */
function descriptor(
  id: string,
  description: string,
  severity: Severity,
  enabled: boolean,
  hasDocs: boolean,
  securitySeverity?: number,
  version?: string,
): Descriptor {
  const url = releasedDocsUrl(docsUrl(id), version);
  return {
    id,
    name: id,
    shortDescription: { text: description },
    fullDescription: { text: sentence(description) },
    ...(hasDocs ? { helpUri: url } : {}),
    help: {
      text: hasDocs ? `${sentence(description)} Documentation: ${url}` : sentence(description),
      markdown: hasDocs ? `${sentence(description)}\n\n[Documentation of \`${id}\`](${url})` : sentence(description),
    },
    defaultConfiguration: { level: LEVEL[severity], enabled },
    // GitHub code scanning lists a result as a security alert when its rule is tagged `security` and has a
    // numeric `security-severity` (a string, 0.0–10.0).
    properties:
      securitySeverity === undefined
        ? { tags: ["mcp", "configuration"] }
        : { tags: ["mcp", "configuration", "security"], "security-severity": securitySeverity.toFixed(1) },
  };
}

/**
 * A rule's documentation at the release that produced the report (`…/blob/v1.0.0/docs/rules/x.md`), so a code
 * scanning alert keeps pointing at the text that matched its rule; the main branch for a version that is no plain
 * release (a development build).
 */
export function releasedDocsUrl(url: string, version: string | undefined): string {
  return version && /^\d+\.\d+\.\d+$/.test(version) ? url.replace("/blob/main/", `/blob/v${version}/`) : url;
}

function artifactUri(file: string): string {
  return file.split("/").map((segment) => (segment === ".." || segment === "." ? segment : encodeURIComponent(segment))).join("/");
}

/** SARIF 2.1.0, one run; every rule is described, results point at files relative to %SRCROOT% (cwd). */
export const sarif: Formatter = (results, { cwd, version }) => {
  const rules: Descriptor[] = allRules.map((r) => descriptor(r.id, r.description, r.severity, r.recommended, true, r.securitySeverity, version));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const ruleIndex = (f: Finding): number => {
    let i = index.get(f.ruleId);
    if (i === undefined) {
      const pseudo = PSEUDO_RULES[f.ruleId] ?? { description: f.ruleId, severity: f.severity };
      i = rules.push(descriptor(f.ruleId, pseudo.description, pseudo.severity, true, false, undefined, version)) - 1;
      index.set(f.ruleId, i);
    }
    return i;
  };
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIndex(f),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(r.file), uriBaseId: "%SRCROOT%" },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { "mcpLint/v1": f.fingerprint },
    })),
  );
  let root = pathToFileURL(cwd).href;
  if (!root.endsWith("/")) root += "/";
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "mcp-lint",
            ...(version ? { version, semanticVersion: version } : {}),
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: root } },
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};
