import type { Comment } from "../document/types.js";
import type { LineIndex } from "../document/lines.js";

/**
 * Inline `mcp-lint-disable` comments, for formats that allow comments
 * (JSONC, YAML, TOML):
 *   mcp-lint-disable-next-line [rule, rule]   mcp-lint-disable-line [rules]
 *   mcp-lint-disable [rules] ... mcp-lint-enable [rules]
 * Text after ` -- ` is a free-form reason.
 */
export interface DisableDirectives {
  isDisabled(ruleId: string, line: number): boolean;
}

interface Block {
  rules: Set<string> | "all";
  fromLine: number;
  toLine: number;
}

const DIRECTIVE = /^mcp-lint-(disable-next-line|disable-line|disable|enable)\b(.*)$/;

function parseRules(rest: string): Set<string> | "all" {
  const list = rest.split(/\s--\s/)[0]!.trim();
  if (list === "") return "all";
  return new Set(list.split(/[\s,]+/).filter(Boolean).map((r) => r.replace(/^mcp-lint\//, "")));
}

export function collectDirectives(comments: Comment[], lines: LineIndex): DisableDirectives {
  const blocks: Block[] = [];
  const open: Array<{ rules: Set<string> | "all"; fromLine: number }> = [];
  const sorted = [...comments].sort((a, b) => a.range[0] - b.range[0]);
  for (const comment of sorted) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const line = lines.position(comment.range[0]).line;
    const endLine = lines.position(comment.range[1]).line;
    const rules = parseRules(m[2] ?? "");
    switch (m[1]) {
      case "disable-next-line":
        blocks.push({ rules, fromLine: endLine + 1, toLine: endLine + 1 });
        break;
      case "disable-line":
        blocks.push({ rules, fromLine: line, toLine: line });
        break;
      case "disable":
        open.push({ rules, fromLine: line });
        break;
      case "enable":
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i]!;
          if (rules === "all" || o.rules === "all" || [...rules].some((r) => (o.rules as Set<string>).has(r))) {
            blocks.push({ rules: o.rules, fromLine: o.fromLine, toLine: line });
            open.splice(i, 1);
          }
        }
        break;
    }
  }
  for (const o of open) blocks.push({ rules: o.rules, fromLine: o.fromLine, toLine: Number.MAX_SAFE_INTEGER });
  return {
    isDisabled(ruleId, line) {
      return blocks.some((b) => line >= b.fromLine && line <= b.toLine && (b.rules === "all" || b.rules.has(ruleId)));
    },
  };
}
