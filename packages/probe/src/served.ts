import { AGENT_TEXT_MAX_SCANNED, agentTextSignalSeverity, scanAgentText } from "@mcp-lint/core";
import { RULES } from "./messages.js";
import { visibleName, type Redactor } from "./redact.js";
import type { Diagnosis, ServerFacts } from "./session.js";

/**
 * Tool poisoning in what a server really returns: its initialize instructions and every tool, prompt and resource
 * template a server that answered listed (names, titles, descriptions, the descriptions of input-schema properties and
 * prompt arguments) go through core's scanAgentText, the scanner the static `no-prompt-injection` rule uses, with the
 * same severity decision (tag characters and bidi controls error, every other signal warning). Findings sit at the
 * server's entry.
 *
 * Bounded: at most MAX_ITEMS items of each kind, MAX_PROPERTIES property descriptions per item (MAX_DEPTH levels deep,
 * MAX_SCHEMA_NODES properties visited), the scanner's own caps per text, MAX_TOTAL_CHARS per server, and MAX_FINDINGS
 * findings per server (the last one says how many more there are).
 */

/** Items scanned per kind (tools, prompts, resource templates) and server. */
export const MAX_ITEMS = 500;
/** Property (or argument) descriptions scanned per item. */
export const MAX_PROPERTIES = 100;
/** Nesting levels of `properties` / `items` walked in an input schema. */
const MAX_DEPTH = 4;
/** Properties visited per input schema (with or without a description). */
export const MAX_SCHEMA_NODES = 2000;
/** Findings per server; the rest are counted in the last one. */
export const MAX_FINDINGS = 20;
/** Characters of server text scanned per server at most (the scanner also cuts each text at 64 KiB). */
export const MAX_TOTAL_CHARS = 4 * 1024 * 1024;
/** Longest message (the scanner's excerpt is at most 60 characters; names are cut at 100). */
const MAX_MESSAGE = 1000;

type Listed = NonNullable<ServerFacts["listed"]>;

interface Text {
  /** "server" (its initialize instructions), "tool", "prompt", "resource template". */
  kind: string;
  item: string;
  /** What the text is, for the scanner's explanation: "description", "title", "description of property \"path\"". */
  what: string;
  /** Stable key of the text (kind, item, field) for the finding's fingerprint. */
  key: string;
  value: string;
}

export interface ServedDiagnosis extends Diagnosis {
  /** Tells findings at the same entry apart in fingerprints: kind, item, field and signal. */
  fingerprintKey: string;
}

const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Descriptions of the properties of an input schema (and of nested objects and array items), bounded. */
function propertyTexts(schema: unknown, push: (path: string, value: string) => boolean): void {
  let nodes = 0;
  const walk = (node: unknown, path: string, depth: number): boolean => {
    if (depth > MAX_DEPTH) return true;
    const props = record(record(node).properties);
    for (const [name, sub] of Object.entries(props)) {
      // Properties without a description count too: a schema's breadth is bounded, not only what is scanned.
      if (++nodes > MAX_SCHEMA_NODES) return false;
      const p = path === "" ? name : `${path}.${name}`;
      const d = str(record(sub).description);
      if (d !== undefined && !push(p, d)) return false;
      if (!walk(sub, p, depth + 1)) return false;
      const items = record(sub).items;
      if (items && !walk(items, `${p}[]`, depth + 1)) return false;
    }
    return true;
  };
  walk(schema, "", 0);
}

/** Every text of the listed items an agent reads, in list order, bounded. */
export function servedTexts(listed: Listed): Text[] {
  const out: Text[] = [];
  const add = (kind: string, item: string, what: string, field: string, value: unknown) => {
    const v = str(value);
    if (v !== undefined) out.push({ kind, item, what, key: `${kind}\0${item}\0${field}`, value: v });
  };
  add("server", "", "instructions field", "instructions", listed.instructions);
  for (const raw of listed.tools.slice(0, MAX_ITEMS)) {
    const t = record(raw);
    const name = str(t.name);
    if (name === undefined) continue;
    add("tool", name, "name", "name", name);
    add("tool", name, "title", "title", t.title);
    add("tool", name, "title", "annotations.title", record(t.annotations).title);
    add("tool", name, "description", "description", t.description);
    let n = 0;
    propertyTexts(t.inputSchema, (path, d) => {
      add("tool", name, `description of input property ${visibleName(path)}`, `inputSchema.${path}`, d);
      return ++n < MAX_PROPERTIES;
    });
  }
  for (const raw of listed.prompts.slice(0, MAX_ITEMS)) {
    const p = record(raw);
    const name = str(p.name);
    if (name === undefined) continue;
    add("prompt", name, "name", "name", name);
    add("prompt", name, "title", "title", p.title);
    add("prompt", name, "description", "description", p.description);
    const args = Array.isArray(p.arguments) ? p.arguments.slice(0, MAX_PROPERTIES) : [];
    for (const a of args) {
      const argName = str(record(a).name);
      if (argName !== undefined) add("prompt", name, `description of argument ${visibleName(argName)}`, `arguments.${argName}`, record(a).description);
    }
  }
  for (const raw of listed.resourceTemplates.slice(0, MAX_ITEMS)) {
    const r = record(raw);
    const name = str(r.name) ?? str(r.uriTemplate);
    if (name === undefined) continue;
    add("resource template", name, "name", "name", r.name);
    add("resource template", name, "title", "title", r.title);
    add("resource template", name, "description", "description", r.description);
  }
  return out;
}

const KIND_WORD: Record<string, string> = { tool: "Tool", prompt: "Prompt", "resource template": "Resource template" };

function subject(t: Text, server: string): string {
  if (t.kind === "server") return `The initialize instructions of server ${visibleName(server)}`;
  return `${KIND_WORD[t.kind]} ${visibleName(t.item)} of server ${visibleName(server)}`;
}

/**
 * The `served-prompt-injection` diagnoses of one server that answered: one per signal, at `pointer` (the server's
 * entry), messages redacted with the server's redactor (the scanner quotes up to 60 characters of what matched).
 */
export function servedTextDiagnoses(listed: Listed, server: string, pointer: string, redactor: Redactor): ServedDiagnosis[] {
  const out: ServedDiagnosis[] = [];
  let more = 0;
  let budget = MAX_TOTAL_CHARS;
  for (const t of servedTexts(listed)) {
    if (budget <= 0) break;
    budget -= Math.min(t.value.length, AGENT_TEXT_MAX_SCANNED);
    // The n-th signal of a kind in this text, not its offset: an edit before it does not make it a new alert.
    const nth = new Map<string, number>();
    for (const s of scanAgentText(t.value, { what: t.what })) {
      const n = (nth.get(s.kind) ?? 0) + 1;
      nth.set(s.kind, n);
      if (out.length >= MAX_FINDINGS) {
        more++;
        continue;
      }
      const message =
        `${subject(t, server)}: ${s.explanation} ` +
        `Clients give the model this text as the server returns it (tool poisoning): review the server before using it, ` +
        `or ignore this finding if the text is meant for the model.`;
      out.push({
        ruleId: RULES.servedPromptInjection,
        severity: agentTextSignalSeverity(s.kind),
        message: redactor.line(message, MAX_MESSAGE),
        pointer,
        part: "key",
        fingerprintKey: `${t.key}\0${s.kind}\0${n}`,
      });
    }
  }
  const last = out[out.length - 1];
  if (more > 0 && last) last.message = `${last.message} (${more} more signal${more === 1 ? "" : "s"} in this server's text not reported: at most ${MAX_FINDINGS} per server.)`;
  return out;
}
