import { dialects } from "../../dialects/index.js";
import { isObject } from "../../dialects/shared.js";
import type { ConfigDocument } from "../../document/document.js";
import { joinPointer } from "../../document/pointer.js";
import type { Member, OffsetRange } from "../../document/types.js";
import type { Fix } from "../../model/finding.js";
import { mergeEdits } from "../../engine/fix.js";
import { renamedKeyText, stringRanges } from "../../util/rule-text.js";
import { defineConfigRule } from "../types.js";

/** Root keys other clients (and older versions of them) keep their servers under. */
const LEGACY_ROOT_KEYS = ["mcp_servers", "mcpServers", "servers", "context_servers", "mcp", "extensions"];

/** How each foreign root key is known to users. */
const FORMAT_NAMES: Record<string, string> = {
  mcpServers: "the Claude/Cursor format",
  servers: "the VS Code format",
  context_servers: "the Zed format",
  mcp_servers: "the Codex format",
  mcp: "the opencode format",
  extensions: "the Goose format",
};

const SERVER_KEYS = ["command", "cmd", "url", "serverUrl", "httpUrl", "uri", "args"];

function looksLikeServer(v: unknown): boolean {
  return isObject(v) && SERVER_KEYS.some((k) => k in v);
}

/** A map or list holding at least one server-shaped entry: not just any setting that shares the name. */
function looksLikeServers(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(looksLikeServer);
  return isObject(v) && Object.values(v).some(looksLikeServer);
}

/** opencode's entries: `type` "local"/"remote", or the command as one array. */
function looksLikeOpencode(v: unknown): boolean {
  return isObject(v) && Object.values(v).some((e) => isObject(e) && (e.type === "local" || e.type === "remote" || Array.isArray(e.command)));
}

/** What the key and its entries prove; "mcp" is opencode's only when its entries are opencode's. */
function formatName(key: string, value: unknown, client: string): string {
  if (key === "mcp" && !looksLikeOpencode(value)) return `a key ${client} does not read here`;
  const known = FORMAT_NAMES[key];
  if (known) return known;
  const clients = dialects.filter((d) => d.rootKeys.includes(key)).map((d) => d.client);
  return clients.length > 0 ? `the ${clients.join("/")} format` : "another client's format";
}

export const rootKey = defineConfigRule({
  meta: {
    id: "root-key",
    description: "Servers must sit under the root key the client reads",
    severity: "error",
    recommended: true,
    hasSuggestions: true,
    messages: {
      foreign:
        '{{client}} reads servers from "{{expected}}"; "{{found}}" is {{format}}, so {{client}} finds no servers here. Rename the key to "{{expected}}".',
      wrapper:
        '{{client}} reads servers from a top-level "{{expected}}"; servers nested in "{{found}}" ({{format}}) are not found, so {{client}} finds no servers here. {{advice}}',
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, report }) {
    if (dialect.rootKeys.length === 0) return;
    const root = document.root;
    if (!root || root.type !== "object") return;
    if (root.members.some((m) => dialect.rootKeys.includes(m.key))) return;
    const expected = dialect.rootKeys[0]!;
    const foreignKeys = new Set([...dialects.flatMap((d) => d.rootKeys), ...LEGACY_ROOT_KEYS]);

    const seen = new Set<string>();
    for (const member of root.members) {
      if (!foreignKeys.has(member.key) || seen.has(member.key)) continue;
      const value = (document.value as Record<string, unknown>)[member.key];
      const pointer = joinPointer("", member.key);
      // `"mcp": {"servers": {...}}`: the VS Code settings.json wrapper (or opencode v2).
      if (isObject(value) && looksLikeServers(value.servers) && !looksLikeServers(value)) {
        seen.add(member.key);
        const vscodeWrapper = member.key === "mcp" && expected === "servers";
        report({
          messageId: "wrapper",
          data: {
            client: dialect.client,
            expected,
            found: `${member.key}.servers`,
            format: vscodeWrapper ? "the old settings.json format" : formatName(member.key, value.servers, dialect.client),
            advice: vscodeWrapper
              ? `Move "servers" (and "inputs") out of "${member.key}" to the top level of the file.`
              : `Move the servers to a top-level "${expected}".`,
          },
          pointer,
        });
        continue;
      }
      if (!looksLikeServers(value)) continue;
      seen.add(member.key);
      const fix = renameRootKey(document, member, expected);
      report({
        messageId: "foreign",
        data: { client: dialect.client, expected, found: member.key, format: formatName(member.key, value, dialect.client) },
        pointer,
        ...(fix ? { suggestions: [{ desc: `Rename "${member.key}" to "${expected}"`, fix }] } : {}),
      });
    }
  },
});

/** Renames a top-level key; in TOML, in every table header and top-level dotted key that spells it. */
function renameRootKey(doc: ConfigDocument, member: Member, newKey: string): Fix | undefined {
  const text = doc.text;
  const ranges = doc.format === "toml" ? tomlRootKeyRanges(doc, member.key) : [member.keyRange];
  if (ranges.length === 0) return undefined;
  return mergeEdits(
    text,
    ranges.map((r) => ({ range: r, text: renamedKeyText(doc, text.slice(r[0], r[1]), newKey) })),
  );
}

const TOML_KEY = /(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')/y;

/** Offsets of `key` as the first segment of each table header, and of top-level dotted/plain keys before the first header. */
function tomlRootKeyRanges(doc: ConfigDocument, key: string): OffsetRange[] {
  const text = doc.text;
  const strings = stringRanges(doc.root);
  const insideString = (o: number) => strings.some(([s, e]) => s < o && o < e);
  const out: OffsetRange[] = [];
  let topLevel = true;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (text[i] === " " || text[i] === "\t") i++;
    if (!insideString(i) && text[i] !== "#" && i < lineEnd) {
      const header = text[i] === "[";
      if (header) {
        topLevel = false;
        i += text[i + 1] === "[" ? 2 : 1;
        while (text[i] === " " || text[i] === "\t") i++;
      }
      if (header || topLevel) {
        TOML_KEY.lastIndex = i;
        const m = TOML_KEY.exec(text);
        if (m) {
          const raw = m[0];
          const name = raw.startsWith('"') ? unquoteBasic(raw) : raw.startsWith("'") ? raw.slice(1, -1) : raw;
          let j = i + raw.length;
          while (text[j] === " " || text[j] === "\t") j++;
          const next = text[j];
          if (name === key && (next === "." || (header ? next === "]" : next === "="))) out.push([i, i + raw.length]);
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function unquoteBasic(raw: string): string | undefined {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}
