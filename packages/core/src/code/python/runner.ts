import { collectDirectives, directiveSeverity, MISSPELT_DIRECTIVE, UNUSED_DIRECTIVE } from "../../engine/directives.js";
import { ruleIdSet } from "../../rules/catalog.js";
import { LineIndex } from "../../document/lines.js";
import type { Comment } from "../../document/types.js";
import { applyFixes } from "../../engine/fix.js";
import { capSeverity, compareFindings, type Finding, type Fix, type Severity, type SeveritySetting } from "../../model/finding.js";
import { fingerprint, FINGERPRINT_LINE } from "../../model/fingerprint.js";
import { pythonRules } from "../../rules/python/index.js";
import type { PythonReport, PythonRule } from "../../rules/python/types.js";
import { formatMessage } from "../../rules/types.js";
import { internalError, type FileResult, type RuleSettings } from "../../engine/lint-config-text.js";
import { carriesSecret } from "../../util/secrets.js";
import { PyFile } from "./analysis.js";
import { parsePython, type Node } from "./parser.js";
import { mightBePythonMcp } from "./sdk-catalog.js";

/**
 * Runs the Python rules on one `.py` file: a text prefilter (an import of `mcp`
 * or `fastmcp`), then one tree-sitter parse and one shared analysis, then each
 * enabled rule. Disable comments are Python comments:
 * `# mcp-lint-disable-next-line <rule>`, `# mcp-lint-disable-line <rule>`,
 * `# mcp-lint-disable` … `# mcp-lint-enable`.
 */

export interface LintPythonOptions {
  rules?: RuleSettings;
  fix?: boolean;
  /** Severity of unused `# mcp-lint-disable` directives (default info; misspelt ones a warning; "off": neither). */
  unusedDirectives?: SeveritySetting;
}

interface Planned {
  rule: PythonRule<string, Record<string, unknown>>;
  severity: Severity;
  options: Record<string, unknown>;
}

function plan(settings: RuleSettings | undefined): Planned[] {
  const out: Planned[] = [];
  for (const rule of pythonRules) {
    const s = settings?.[rule.meta.id];
    const severity = s ? s.severity : rule.meta.recommended ? rule.meta.severity : "off";
    if (severity === "off") continue;
    out.push({ rule, severity, options: { ...rule.meta.defaultOptions, ...(s?.options ?? {}) } });
  }
  return out;
}

/** Lints one Python source file. Never throws for bad input: unparsable code is a located `syntax` finding. */
export async function lintPythonText(file: string, text: string, options: LintPythonOptions = {}): Promise<FileResult> {
  if (!mightBePythonMcp(text)) return { file, findings: [], skipped: "not-mcp" };
  const planned = plan(options.rules);
  if (planned.length === 0) return { file, findings: [] };
  let findings = await lintOnce(file, text, planned, options.unusedDirectives);
  if (!options.fix) return { file, findings, source: text };
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = findings.map((f) => f.fix).filter((f): f is Fix => f !== undefined);
    if (fixes.length === 0) break;
    const { output, applied } = applyFixes(current, fixes);
    if (applied === 0 || output === current) break;
    current = output;
    findings = await lintOnce(file, current, planned, options.unusedDirectives);
  }
  return { file, findings, source: current, ...(current !== text ? { output: current } : {}) };
}

async function lintOnce(file: string, text: string, planned: Planned[], unusedDirectives: SeveritySetting | undefined): Promise<Finding[]> {
  const tree = await parsePython(text);
  try {
    const py = new PyFile(text, tree);
    const lines = new LineIndex(text);
    // Comments are walked for only in files that mention a directive.
    let directives: ReturnType<typeof collectDirectives> | undefined;
    if (/mcp[-_ ]?lint/i.test(text)) {
      const comments: Comment[] = [];
      for (const c of py.nodes("comment")) comments.push({ text: c.text.replace(/^#+/, "").trim(), range: [c.startIndex, c.endIndex], kind: "line" });
      if (comments.some((c) => /^mcp[-_ ]?lint/i.test(c.text))) directives = collectDirectives(comments, lines, ruleIdSet());
    }
    const findings: Finding[] = [];
    const syntax = firstSyntaxError(py.root);
    if (syntax) findings.push(makeFinding(file, lines, "syntax", "error", syntaxMessage(syntax), [syntax.startIndex, Math.max(syntax.endIndex, syntax.startIndex)]));

    let current: Planned = planned[0]!;
    const report = (d: PythonReport<string>): void => {
      const range: [number, number] = d.range ?? (d.node ? [d.node.startIndex, d.node.endIndex] : [0, 0]);
      const id = current.rule.meta.id;
      if (directives?.isDisabled(id, lines.position(range[0]).line)) return;
      const template = current.rule.meta.messages[d.messageId] ?? d.messageId;
      const finding = makeFinding(file, lines, id, capSeverity(current.severity, d.severity), formatMessage(template, d.data), range);
      // A fix or suggestion whose text would carry a credential is dropped: no output may contain one.
      if (d.fix && !carriesSecret(d.fix.text)) finding.fix = d.fix;
      const suggestions = d.suggestions?.filter((s) => !carriesSecret(s.fix.text) && !carriesSecret(s.desc));
      if (suggestions?.length) finding.suggestions = suggestions;
      findings.push(finding);
    };
    for (const p of planned) {
      current = p;
      try {
        p.rule.check({ file: py, path: file, options: p.options, report });
      } catch (error) {
        findings.push(internalError(file, p.rule.meta.id, error));
      }
    }
    for (const problem of directives?.problems() ?? []) {
      const severity = directiveSeverity(problem.kind, unusedDirectives);
      if (severity !== "off") findings.push(makeFinding(file, lines, problem.kind === "unused" ? UNUSED_DIRECTIVE : MISSPELT_DIRECTIVE, severity, problem.message, problem.range));
    }
    return findings.sort(compareFindings);
  } finally {
    tree.delete();
  }
}

function makeFinding(file: string, lines: LineIndex, ruleId: string, severity: Severity, message: string, range: [number, number]): Finding {
  const start = lines.position(range[0]);
  const end = lines.position(range[1]);
  // Code has no JSON pointer: the fingerprint keys on the rule and the text of the reported line, which survives
  // edits elsewhere in the file (the same scheme as the JavaScript/TypeScript pass, fingerprintText): a line longer
  // than its bound is hashed over a window from the reported column, so each finding costs the same.
  const lineStart = lines.lineStart(start.line);
  let lineEnd = start.line < lines.lineCount ? lines.lineStart(start.line + 1) : lines.text.length;
  while (lineEnd > lineStart && (lines.text[lineEnd - 1] === "\n" || lines.text[lineEnd - 1] === "\r")) lineEnd--;
  const from = lineEnd - lineStart <= FINGERPRINT_LINE ? lineStart : lineStart + start.column - 1;
  const lineText = lines.text.slice(from, Math.min(lineEnd, from + FINGERPRINT_LINE)).trim();
  return {
    ruleId,
    severity,
    message,
    file,
    pointer: "",
    fingerprint: fingerprint(ruleId, file, `code:${lineText}`),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

/** The innermost ERROR or MISSING node on the path to the first error, found without recursion. */
function firstSyntaxError(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  let n: Node = root;
  for (let depth = 0; depth < 100_000; depth++) {
    if (n.isError || n.isMissing) return n;
    let next: Node | undefined;
    for (const c of n.children) {
      if (c && (c.hasError || c.isMissing || c.isError)) {
        next = c;
        break;
      }
    }
    if (!next) return n;
    n = next;
  }
  return n;
}

function syntaxMessage(node: Node): string {
  const what = node.isMissing ? `a missing "${node.type}"` : "code that is not valid Python";
  return `Cannot parse this file: ${what} here. Python would refuse to import it (SyntaxError), and no MCP rule could check this part.`;
}
