import type { Comment } from "../document/types.js";
import type { LineIndex } from "../document/lines.js";
import { didYouMean } from "../util/did-you-mean.js";
import { severityRank, type SeveritySetting } from "../model/finding.js";

/**
 * Inline `mcp-lint-disable` comments, for formats that allow comments
 * (JSONC, YAML, TOML, Python):
 *   mcp-lint-disable-next-line [rule, rule]   mcp-lint-disable-line [rules]
 *   mcp-lint-disable [rules] ... mcp-lint-enable [rules]
 * Text after ` -- ` is a free-form reason.
 *
 * Each directive remembers whether it suppressed anything, so that the ones that did not (unused), and comments
 * that look like a directive but are not one or name no rule (misspelt), can be reported, as ESLint's
 * reportUnusedDisableDirectives does.
 */
export interface DisableDirectives {
  /** Is this rule disabled on this line? A directive that answers yes is marked used. */
  isDisabled(ruleId: string, line: number): boolean;
  /** The directives (or rules in them) that disabled nothing, and the misspelt ones, in comment order. */
  problems(): DirectiveProblem[];
}

export interface DirectiveProblem {
  kind: "unused" | "misspelt";
  message: string;
  /** Offsets of the comment. */
  range: [number, number];
}

interface Block {
  rules: Set<string> | "all";
  fromLine: number;
  toLine: number;
  /** The directive this block came from. */
  source: Directive;
}

interface Directive {
  text: string;
  range: [number, number];
  rules: Set<string> | "all";
  /** Rules (or "*" for all) that suppressed something. */
  used: Set<string>;
}

const DIRECTIVE = /^mcp-lint-(disable-next-line|disable-line|disable|enable)\b(.*)$/;
const DIRECTIVE_NAMES = ["mcp-lint-disable-next-line", "mcp-lint-disable-line", "mcp-lint-disable", "mcp-lint-enable"];
/** A comment that starts like a directive: "mcp-lint-" or a near miss ("mcplint-disable", "mcp-lint disable"). */
const LOOKS_LIKE = /^mcp[-_ ]?lint[-_ ]?(dis|en|able|ignore)/i;

function parseRules(rest: string): Set<string> | "all" {
  const list = rest.split(/\s--\s/)[0]!.trim();
  if (list === "") return "all";
  return new Set(list.split(/[\s,]+/).filter(Boolean).map((r) => r.replace(/^mcp-lint\//, "")));
}

/**
 * `ruleIds`: the rule ids a directive may name (a name that is none of them is reported as misspelt); without it,
 * rule names are not checked. `reported`: the rules this run can report, when not all of them (the static run never
 * reports the probe's rules): a directive naming only others is not called unused.
 */
export function collectDirectives(
  comments: Comment[],
  lines: LineIndex,
  ruleIds?: ReadonlySet<string>,
  reported: (ruleId: string) => boolean = () => true,
): DisableDirectives {
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  const misspelt: DirectiveProblem[] = [];
  const open: Array<{ rules: Set<string> | "all"; fromLine: number; source: Directive }> = [];
  const sorted = [...comments].sort((a, b) => a.range[0] - b.range[0]);
  for (const comment of sorted) {
    const text = comment.text.trim();
    const m = DIRECTIVE.exec(text);
    if (!m || !/^(\s|$)/.test(m[2] ?? "")) {
      if (LOOKS_LIKE.test(text)) {
        const word = /^\S+/.exec(text)![0];
        const meant = didYouMean(word, DIRECTIVE_NAMES);
        misspelt.push({
          kind: "misspelt",
          message: `"${word}" is not an mcp-lint directive, so this comment disables nothing.${meant ? ` Did you mean "${meant}"?` : ""} Directives: ${DIRECTIVE_NAMES.join(", ")}.`,
          range: comment.range,
        });
      }
      continue;
    }
    const line = lines.position(comment.range[0]).line;
    const endLine = lines.position(comment.range[1]).line;
    const rules = parseRules(m[2] ?? "");
    if (ruleIds && rules !== "all") {
      for (const id of rules) {
        if (ruleIds.has(id)) continue;
        const meant = didYouMean(id, ruleIds);
        misspelt.push({
          kind: "misspelt",
          message: `"${id}" is not an mcp-lint rule, so this comment does not disable it.${meant ? ` Did you mean "${meant}"?` : ""}`,
          range: comment.range,
        });
      }
    }
    const source: Directive = { text: `mcp-lint-${m[1]}`, range: comment.range, rules, used: new Set() };
    switch (m[1]) {
      case "disable-next-line":
        directives.push(source);
        blocks.push({ rules, fromLine: endLine + 1, toLine: endLine + 1, source });
        break;
      case "disable-line":
        directives.push(source);
        blocks.push({ rules, fromLine: line, toLine: line, source });
        break;
      case "disable":
        directives.push(source);
        open.push({ rules, fromLine: line, source });
        break;
      case "enable":
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i]!;
          if (rules === "all" || o.rules === "all" || [...rules].some((r) => (o.rules as Set<string>).has(r))) {
            blocks.push({ rules: o.rules, fromLine: o.fromLine, toLine: line, source: o.source });
            open.splice(i, 1);
          }
        }
        break;
    }
  }
  for (const o of open) blocks.push({ rules: o.rules, fromLine: o.fromLine, toLine: Number.MAX_SAFE_INTEGER, source: o.source });
  return {
    isDisabled(ruleId, line) {
      let disabled = false;
      for (const b of blocks) {
        if (line < b.fromLine || line > b.toLine) continue;
        if (b.rules === "all") b.source.used.add("*");
        else if (b.rules.has(ruleId)) b.source.used.add(ruleId);
        else continue;
        disabled = true;
      }
      return disabled;
    },
    problems() {
      const unused: DirectiveProblem[] = [];
      for (const d of directives) {
        if (d.rules === "all") {
          if (d.used.size === 0) unused.push({ kind: "unused", message: `Unused ${d.text} directive: no problem was reported here.`, range: d.range });
          continue;
        }
        // Misspelt names are reported as such, not again as unused.
        const idle = [...d.rules].filter((r) => !d.used.has(r) && (!ruleIds || ruleIds.has(r)) && reported(r));
        if (idle.length)
          unused.push({
            kind: "unused",
            message: `Unused ${d.text} directive: no problem from ${idle.map((r) => `"${r}"`).join(", ")} was reported here.`,
            range: d.range,
          });
      }
      return [...misspelt, ...unused].sort((a, b) => a.range[0] - b.range[0]);
    },
  };
}

/** Rule ids of the findings about directives (not rules: set with --report-unused-disable-directives). */
export const UNUSED_DIRECTIVE = "unused-disable-directive";
export const MISSPELT_DIRECTIVE = "misspelt-disable-directive";

/**
 * The severities of the directive findings for a setting of `--report-unused-disable-directives-severity`:
 * unused ones at that severity (default info: a stale comment is housekeeping, nothing fails), misspelt ones a
 * warning (likely wrong: the author meant to disable something and nothing is), both off with "off".
 */
export function directiveSeverity(kind: DirectiveProblem["kind"], setting: SeveritySetting | undefined): SeveritySetting {
  const unused = setting ?? "info";
  if (unused === "off") return "off";
  return kind === "unused" ? unused : severityRank[unused] > severityRank.warning ? unused : "warning";
}
