import type { ConfigDocument } from "../document/index.js";
import { capSeverity, severityRank, type Finding } from "../model/finding.js";
import { getRuleInfo } from "../rules/catalog.js";
import type { FileSettings } from "../settings/settings.js";
import { collectDirectives } from "./directives.js";
import { pointerSetting } from "./lint-config-text.js";

/**
 * A file's rule settings and its inline `mcp-lint-disable` comments, applied to findings made outside the rule
 * engine (the probe's, located in that config file), as the engine applies them to its own: a rule set to "off"
 * (for the file, or by a pointer override containing the finding) or disabled at the finding's line is dropped;
 * otherwise the finding takes the configured severity. A finding made milder than its rule's default (a case the
 * rule caps, such as a heuristic signal of served-prompt-injection or a skipped server's info) keeps that cap: a
 * setting lowers it, never raises it. Findings of ids outside the catalog (internal-error) are kept as they are.
 * Directives that disable nothing are not reported here: the static run reports those it can tell.
 */
export function settleFindings(findings: readonly Finding[], settings: Pick<FileSettings, "rules" | "pointerOverrides">, doc?: ConfigDocument): Finding[] {
  const directives = doc && doc.comments.length > 0 ? collectDirectives(doc.comments, doc.lines) : undefined;
  const out: Finding[] = [];
  for (const f of findings) {
    const info = getRuleInfo(f.ruleId);
    if (!info) {
      out.push(f);
      continue;
    }
    const setting = pointerSetting(f.ruleId, f.pointer, settings.pointerOverrides) ?? settings.rules[f.ruleId] ?? { severity: info.severity };
    if (setting.severity === "off" || directives?.isDisabled(f.ruleId, f.line)) continue;
    const cap = severityRank[f.severity] < severityRank[info.severity] ? f.severity : undefined;
    const severity = capSeverity(setting.severity, cap);
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
