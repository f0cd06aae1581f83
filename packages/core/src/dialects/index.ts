import { amazonq } from "./amazonq.js";
import { claudeCode } from "./claude-code.js";
import { claudeDesktop } from "./claude-desktop.js";
import { cline } from "./cline.js";
import { codex } from "./codex.js";
import { continueDev } from "./continue.js";
import { cursor } from "./cursor.js";
import { gemini } from "./gemini.js";
import { generic } from "./generic.js";
import { goose } from "./goose.js";
import { kiro } from "./kiro.js";
import { mcpRegistry } from "./mcp-registry.js";
import { opencode } from "./opencode.js";
import { roo } from "./roo.js";
import { vscode } from "./vscode.js";
import { vscodeSettings } from "./vscode-settings.js";
import { windsurf } from "./windsurf.js";
import { zed } from "./zed.js";
import type { Dialect } from "./types.js";
import type { Format } from "../document/types.js";

export type { Dialect, Transport, VariableSyntax, ServerLocator } from "./types.js";

/** Every dialect, most specific path first; `generic` is the fallback. */
export const dialects: readonly Dialect[] = [
  claudeDesktop,
  claudeCode,
  cursor,
  vscode,
  vscodeSettings,
  windsurf,
  cline,
  roo,
  gemini,
  codex,
  zed,
  opencode,
  kiro,
  amazonq,
  continueDev,
  goose,
  mcpRegistry,
  generic,
];

const byId = new Map(dialects.map((d) => [d.id, d]));

export function getDialect(id: string): Dialect | undefined {
  return byId.get(id);
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, "/");
}

/** The dialect whose file this path is, by location and name alone. */
export function dialectForPath(path: string): Dialect | undefined {
  const p = normalisePath(path);
  return dialects.find((d) => d.paths.some((re) => re.test(p)));
}

/** Format implied by a file name (for sniffing files no dialect claims by path). */
export function formatForPath(path: string): Format | undefined {
  const p = path.toLowerCase();
  if (p.endsWith(".json") || p.endsWith(".jsonc")) return "json";
  if (p.endsWith(".yaml") || p.endsWith(".yml")) return "yaml";
  if (p.endsWith(".toml")) return "toml";
  return undefined;
}

/** Content sniffing: the best dialect whose sniffer accepts this value. */
export function sniffDialect(value: unknown, format: Format): Dialect | undefined {
  let best: Dialect | undefined;
  for (const d of dialects) {
    if (d.format !== format || !d.sniff) continue;
    if (d.sniff(value) && (!best || (d.sniffPriority ?? 0) > (best.sniffPriority ?? 0))) best = d;
  }
  return best;
}
