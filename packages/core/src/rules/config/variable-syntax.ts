import type { Dialect } from "../../dialects/types.js";
import type { ConfigDocument } from "../../document/document.js";
import type { OffsetRange } from "../../document/types.js";
import { quote, replaceValue } from "../../document/edits.js";
import type { Fix } from "../../model/finding.js";
import type { ServerEntry } from "../../dialects/servers.js";
import { programName } from "../../util/commands.js";
import { findPlaceholders, type Placeholder, valueSubrange } from "../../util/placeholders.js";
import { detectSecret } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";

interface Field {
  value: string;
  pointer: string;
  /** env and headers: a bare `$NAME` anywhere in the value counts. */
  named: boolean;
  /** The program or an argument of a program that is not a shell: a bare `$NAME` starting a path counts. */
  spawned?: boolean;
}

/** Programs that expand `$NAME` in their arguments themselves. */
const SHELLS = new Set(["sh", "bash", "zsh", "dash", "ksh", "fish", "cmd", "powershell", "pwsh", "env"]);

/** `$HOME/x`, `$DIR`: a bare variable that starts the value and a path (or is the whole value). */
function startsPath(value: string, p: Placeholder): boolean {
  if (p.start !== 0) return false;
  const rest = value.slice(p.end);
  return rest === "" || rest[0] === "/" || rest[0] === "\\";
}

/** Could `value` hold a placeholder? Every form has a "$" or a "{" (findPlaceholders' own fast path). */
function mayHoldPlaceholder(value: unknown): boolean {
  return typeof value === "string" && (value.indexOf("$") >= 0 || value.indexOf("{") >= 0);
}

/** Does any string field of the entry hold a "$" or a "{"? Most entries have none and are skipped whole. */
function anyPlaceholderText(entry: ServerEntry): boolean {
  if (entry.command && mayHoldPlaceholder(entry.command.value)) return true;
  for (const a of entry.args) if (mayHoldPlaceholder(a.value)) return true;
  for (const e of entry.env) if (mayHoldPlaceholder(e.value)) return true;
  for (const h of entry.headers) if (mayHoldPlaceholder(h.value)) return true;
  if (entry.url && mayHoldPlaceholder(entry.url.value)) return true;
  if (entry.cwd && mayHoldPlaceholder(entry.cwd.value)) return true;
  return false;
}

function stringFields(entry: ServerEntry): Field[] {
  const out: Field[] = [];
  const add = (value: unknown, pointer: string, named = false, spawned = false) => {
    if (typeof value === "string") out.push({ value, pointer, named, spawned });
  };
  // Clients spawn the program without a shell: nobody expands `$HOME/…` there, unless the program is a shell.
  const program = typeof entry.command?.value === "string" ? programName(entry.command.value) : "";
  const spawned = !SHELLS.has(program);
  if (entry.command) add(entry.command.value, entry.command.pointer, false, true);
  for (const a of entry.args) add(a.value, a.pointer, false, spawned);
  for (const e of entry.env) add(e.value, e.pointer, true);
  for (const h of entry.headers) add(h.value, h.pointer, true);
  if (entry.url) add(entry.url.value, entry.url.pointer);
  if (entry.cwd) add(entry.cwd.value, entry.cwd.pointer);
  return out;
}

/** Does the client expand this placeholder? */
function expands(dialect: Dialect, p: Placeholder): boolean {
  return dialect.variables.expands.some((re) => re.test(p.text));
}

function display(text: string): string {
  return text.length <= 60 && !/[\r\n]/.test(text) && !detectSecret(text) ? text : "this placeholder";
}

/** Can `replacement` go into the source as is, replacing part of the scalar at `pointer`? */
function insertableAsIs(doc: ConfigDocument, pointer: string, replacement: string): boolean {
  const node = doc.nodeAt(pointer);
  if (!node) return false;
  const first = doc.text[node.range[0]];
  if (first === '"' || first === "'") return !/["'\\]/.test(replacement);
  // A plain YAML scalar: keep it plain only when the replacement has no flow or comment indicators.
  return !/[{}[\],#]|:\s/.test(replacement);
}

export const variableSyntax = defineConfigRule({
  meta: {
    id: "variable-syntax",
    description: "Variable placeholders must use a syntax the client expands",
    severity: "warning",
    recommended: true,
    fixable: true,
    messages: {
      useEnv: "{{client}} does not expand {{placeholder}}: the server receives the literal text. Write {{replacement}}.",
      unsupported: "{{client}} does not expand {{placeholder}}: the server receives the literal text. It expands only {{describe}}.",
      noInterpolation:
        "{{client}} does not expand variables: the server receives {{placeholder}} as literal text. Put the value in {{envKey}} directly or set it in the environment that launches the client.",
      codex:
        'OpenAI Codex does not expand variables: the server receives {{placeholder}} as literal text. Forward the variable by name instead: env_vars = [{{name}}] for stdio servers, bearer_token_env_var or env_http_headers for HTTP headers.',
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    const vars = dialect.variables;
    if (vars.unknown) return;
    const envKey = dialect.keys.env ? `"${dialect.keys.env}"` : "the environment";
    for (const entry of servers) {
      if (!anyPlaceholderText(entry)) continue;
      for (const field of stringFields(entry)) {
        for (const p of findPlaceholders(field.value)) {
          if (p.form === "bare-dollar" && !field.named && !(p.start === 0 && p.end === field.value.length) && !(field.spawned && startsPath(field.value, p))) continue;
          if (expands(dialect, p)) continue;
          const exact: OffsetRange | undefined = valueSubrange(document, field.pointer, p.start, p.end);
          const at = { pointer: field.pointer, part: "value" as const, ...(exact ? { range: exact } : {}) };
          const placeholder = display(p.text);

          if (!vars.env) {
            if (dialect.id === "codex") {
              report({ messageId: "codex", data: { placeholder, name: JSON.stringify(p.envName ?? "NAME") }, ...at });
            } else {
              report({ messageId: "noInterpolation", data: { client: dialect.client, placeholder, envKey }, ...at });
            }
            continue;
          }

          if (!p.envName) {
            report({ messageId: "unsupported", data: { client: dialect.client, placeholder, describe: vars.describe }, ...at });
            continue;
          }

          const replacement = vars.env(p.envName);
          let fix: Fix | undefined;
          if (exact && insertableAsIs(document, field.pointer, replacement)) fix = { range: exact, text: replacement };
          else fix = replaceValue(document, field.pointer, quote(field.value.slice(0, p.start) + replacement + field.value.slice(p.end)));
          report({ messageId: "useEnv", data: { client: dialect.client, placeholder, replacement }, ...at, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
});
