import type { Dialect } from "../../dialects/types.js";
import type { ConfigDocument } from "../../document/document.js";
import type { Fix } from "../../model/finding.js";
import { joinPointer } from "../../document/pointer.js";
import { quote, replaceValue } from "../../document/edits.js";
import type { NamedValue, ServerEntry } from "../../dialects/servers.js";
import { SECRET_KINDS, SECRET_NAME, detectSecret, echo, isOpaqueToken, isPlaceholder, looksLikeSecretValue, mayHoldSecret } from "../../util/secrets.js";
import { analyseUrl, urlOptions } from "../../util/urls.js";
import { defineConfigRule } from "../types.js";

/** Where a credential sits, for the advice and the variable name. */
type Field = "env" | "header" | "arg" | "url" | "command";

interface Hit {
  pointer: string;
  /** The whole string value at `pointer`. */
  value: string;
  /** Message subject, never the value: `"GITHUB_TOKEN"`, `Header "Authorization"`. */
  where: string;
  /** What it is, without article: "GitHub token", "credential". */
  kind: string;
  /** Offsets of the secret inside `value` (what the suggestion replaces). */
  span: [number, number];
  field: Field;
  /** Suggested environment variable name. */
  varName: string;
  headerName?: string;
  /** Further secrets in the same value (a URL with a password and an api_key), replaced by the same suggestion. */
  more?: Array<{ span: [number, number]; varName: string }>;
}

/** Names whose values are configuration about a credential, not the credential itself. */
const NOT_SECRET_NAME =
  /(^|[_-])(file|path|dir|directory|folder|url|uri|host|hostname|endpoint|region|name|type|mode|id|model|provider|header|env|var|variable|expiry|expires|ttl|timeout|enabled|enable|scope|scopes|level|format|location|method|version|count|limit|size|length|cmd|command|helper|source|store|prefix)$/i;

/** Values that are clearly not credentials even under a credential-like name. */
function looksLikeNonSecretText(v: string): boolean {
  return (
    /\\|^[A-Za-z]:[\\/]/.test(v) || // Windows paths
    /^[\w.-]+\.[A-Za-z]{2,6}$/.test(v) || // file names, domain names
    /\/[^/]*\.[A-Za-z0-9]{1,6}$/.test(v) || // relative paths to files
    /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(v) || // e-mail addresses
    /^\{[^{}]*\}$/.test(v) // URI-template variables
  );
}

const ARTICLE = /^(a|an) /;

/**
 * The kind of credential `text` is (under `name`, if any), or undefined. Also the detector of the code rule
 * no-hardcoded-credentials (string literals in MCP code).
 */
export function classify(name: string | undefined, text: string): string | undefined {
  // Without a known token shape in the text and without a credential-like name, nothing below can say "secret".
  if (!mayHoldSecret(text) && (name === undefined || (!SECRET_NAME.test(name) && !PASSWORD_NAME.test(name)))) return undefined;
  if (isPlaceholder(text)) return undefined;
  const known = detectSecret(text);
  if (known) return known.label.replace(ARTICLE, "");
  if (name === undefined || NOT_SECRET_NAME.test(name) || looksLikeNonSecretText(text.trim())) return undefined;
  if (looksLikeSecretValue(name, text)) return "credential";
  return PASSWORD_NAME.test(name) && looksLikePlainPassword(text.trim()) ? "password" : undefined;
}

/** `DB_PASSWORD`, `MYSQL_ROOT_PASSWORD`, `SMTP_PASS`, `APP_SECRET`: a name that holds a password. */
const PASSWORD_NAME = /(^|[_-])(password|passwd|pwd|pass|secret)([_-]|$)/i;

/**
 * Well-known default and example passwords: committing one leaks nothing (policy, docs/rules/no-hardcoded-secrets.md).
 * Digits only (a port, a PIN-like example) are not reported either.
 */
const DEFAULT_PASSWORD = /^(pass(word)?\d{0,4}|postgres(ql)?|root|admin\d{0,4}|administrator|test\d{0,4}|testing|demo|guest|user|mysql|mariadb|sa|default|letmein|qwerty\d*|welcome\d*|example|sample|dummy|secret\d{0,4}|changeit|\d+)$/i;

/** A short plaintext password: 6 to 64 characters, one word, not a path or URL, not a default or placeholder. */
function looksLikePlainPassword(v: string): boolean {
  if (v.length < 6 || v.length > 64 || /\s/.test(v) || /^(https?:|\/|\.|~)/.test(v)) return false;
  if (/^(true|false|yes|no|on|off|enabled|disabled)$/i.test(v) || /^yes-|^no-/i.test(v)) return false;
  return !DEFAULT_PASSWORD.test(v) && !isPlaceholder(v);
}

const AUTH_SCHEME = /^(\s*(?:Bearer|Basic|Token|Bot)\s+)/i;

/** Offsets of the secret part of `text`: after an auth scheme, else the known token's match, else all of it. */
function secretSpan(text: string): [number, number] {
  const scheme = AUTH_SCHEME.exec(text);
  if (scheme) return [scheme[1]!.length, text.trimEnd().length];
  for (const kind of SECRET_KINDS) {
    if (kind.id === "bearer" || kind.id === "basic" || kind.id === "private-key") continue;
    const m = kind.pattern.exec(text);
    if (m) return [m.index, m.index + m[0].length];
  }
  return [0, text.length];
}

/** `GITHUB_TOKEN`-style name from anything. */
function envName(...parts: string[]): string {
  const name = parts
    .join("_")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) return "MCP_SECRET";
  return /^[0-9]/.test(name) ? `MCP_${name}` : name;
}

/** What a hit's suggested variable name is prefixed with: the server's name. */
type Owner = Pick<ServerEntry, "name">;

function serverPrefix(entry: Owner): string {
  return /^#\d+$/.test(entry.name) ? "MCP" : envName(entry.name);
}

function prefixed(entry: Owner, base: string): string {
  const prefix = serverPrefix(entry);
  const b = envName(base);
  return b.startsWith(prefix + "_") || b === prefix ? b : `${prefix}_${b}`;
}

function quoteName(name: string, fallback: string): string {
  return echo(name, fallback);
}

/** Credentials in a URL's user info or query string: one hit for the URL, every secret in it as extra spans. */
function urlHit(entry: Owner, dialect: Dialect, value: string, pointer: string, field: Field, subject: string): Hit | undefined {
  const shape = analyseUrl(value, urlOptions(dialect));
  if (shape.kind !== "url" || !shape.parts.hasAuthority) return undefined;
  const { parts } = shape;
  const found: Array<Omit<Hit, "pointer" | "value" | "field">> = [];
  if (parts.password && parts.password.text !== "" && !isPlaceholder(parts.password.text) && !/^\{[^{}]*\}$/.test(parts.password.text)) {
    found.push({ where: `${subject} user info`, kind: "password", span: [parts.password.start, parts.password.end], varName: prefixed(entry, "PASSWORD") });
  } else if (parts.username) {
    const kind = detectSecret(parts.username.text);
    if (kind) found.push({ where: `${subject} user info`, kind: kind.label.replace(ARTICLE, ""), span: [parts.username.start, parts.username.end], varName: prefixed(entry, "TOKEN") });
  }
  for (const q of parts.query) {
    let decoded = q.value;
    try {
      decoded = decodeURIComponent(q.value.replace(/\+/g, " "));
    } catch {
      // keep as written
    }
    const kind = classify(q.name, decoded);
    if (kind) found.push({ where: `${subject} parameter ${quoteName(q.name, "")}`.trimEnd(), kind, span: [q.start, q.end], varName: prefixed(entry, q.name) });
  }
  const [first, ...more] = found;
  if (!first) return undefined;
  if (more.length === 0) return { ...first, pointer, value, field };
  const where = `${first.where} (and ${more.length} more part${more.length > 1 ? "s" : ""} of it)`;
  return { ...first, where, pointer, value, field, more: more.map((m) => ({ span: m.span, varName: m.varName })) };
}

function namedHits(entry: Owner, values: NamedValue[], field: "env" | "header"): Hit[] {
  const out: Hit[] = [];
  for (const { name, value, pointer } of values) {
    if (typeof value !== "string") continue;
    const kind = classify(name, value);
    if (!kind) continue;
    if (field === "env") {
      const varName = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : envName(name);
      out.push({ pointer, value, where: quoteName(name, "This variable"), kind, span: secretSpan(value), field, varName });
    } else {
      const base = /^authorization$/i.test(name) ? "TOKEN" : name.replace(/^x-/i, "");
      out.push({ pointer, value, where: `Header ${quoteName(name, "")}`.trimEnd(), kind, span: secretSpan(value), field, varName: prefixed(entry, base), headerName: name });
    }
  }
  return out;
}

/** One word of a command line or one argument: its text, and where it sits in the whole string value at `pointer`. */
interface Word {
  text: string;
  pointer: string;
  /** The whole string value at `pointer` (the argument itself, or the whole command line). */
  whole: string;
  /** Offset of `text` in `whole`. */
  offset: number;
}

/** A hit found in one word, moved to its place in the whole value. */
function placed(hit: Hit, word: Word): Hit {
  if (word.offset === 0 && word.whole === word.text) return hit;
  const shift = (span: [number, number]): [number, number] => [span[0] + word.offset, span[1] + word.offset];
  return { ...hit, value: word.whole, span: shift(hit.span), ...(hit.more ? { more: hit.more.map((m) => ({ ...m, span: shift(m.span) })) } : {}) };
}

/** Credentials in a list of words (the arguments, or the words of a command line): `--api-key=X`, `--api-key X`, `KEY=X`, headers, URLs, tokens. */
function wordHits(entry: Owner, dialect: Dialect, words: Word[]): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const { text: value, pointer } = word;
    if (value === "") continue;
    const push = (hit: Hit) => out.push(placed(hit, word));
    let m: RegExpExecArray | null;
    // The first four shapes need an "=" or a ":"; plain words ("-y", "pkg@1.0.0") go straight to the last one.
    if (value.indexOf("=") >= 0 || value.indexOf(":") >= 0) {
    // --api-key=VALUE
    if ((m = /^(--?([A-Za-z][\w.-]*))=(.*)$/s.exec(value))) {
      const kind = classify(m[2]!, m[3]!);
      if (kind) {
        const at = m[1]!.length + 1;
        const [s, e] = secretSpan(m[3]!);
        push({ pointer, value, where: `The value of ${flagText(m[1]!)}`, kind, span: [at + s, at + e], field: "arg", varName: prefixed(entry, m[2]!) });
      }
      continue;
    }
    // API_KEY=VALUE (docker -e, env assignments)
    if ((m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value))) {
      const kind = classify(m[1]!, m[2]!);
      if (kind) {
        const at = m[1]!.length + 1;
        const [s, e] = secretSpan(m[2]!);
        push({ pointer, value, where: `${quoteName(m[1]!, "The variable")} in this argument`, kind, span: [at + s, at + e], field: "arg", varName: m[1]! });
      }
      continue;
    }
    // Authorization: Bearer … (mcp-remote --header)
    if ((m = /^([A-Za-z][A-Za-z0-9-]*)(\s*:\s*)(?!\/\/)(.+)$/s.exec(value))) {
      const kind = classify(m[1]!, m[3]!);
      if (kind) {
        const at = m[1]!.length + m[2]!.length;
        const [s, e] = secretSpan(m[3]!);
        const base = /^authorization$/i.test(m[1]!) ? "TOKEN" : m[1]!.replace(/^x-/i, "");
        push({ pointer, value, where: `Header ${quoteName(m[1]!, "")} in this argument`.replace("  ", " "), kind, span: [at + s, at + e], field: "arg", varName: prefixed(entry, base) });
        continue;
      }
      if (!/^https?$/i.test(m[1]!)) continue;
    }
    if (/^https?:\/\//i.test(value)) {
      const hit = urlHit(entry, dialect, value, pointer, "arg", "This URL's");
      if (hit) push(hit);
      continue;
    }
    // git+https://user:PASSWORD@host/…, postgres://…: the user info of any other URL.
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      const hit = userinfoHit(entry, value, pointer);
      if (hit) push(hit);
      continue;
    }
    }
    // --api-key VALUE
    const prev = i > 0 ? words[i - 1]!.text : undefined;
    const flag = typeof prev === "string" && prev.charCodeAt(0) === 45 ? /^--?([A-Za-z][\w.-]*)$/.exec(prev) : null;
    const kind = classify(flag ? flag[1]! : undefined, value);
    if (!kind) continue;
    const where = flag ? `The value of ${flagText(prev as string)}` : "This argument";
    const varName = flag ? prefixed(entry, flag[1]!) : prefixed(entry, "TOKEN");
    push({ pointer, value, where, kind, span: secretSpan(value), field: "arg", varName });
  }
  return out;
}

/** A password in the user info of a URL that is not http(s) (`git+https://user:PASS@…`, `postgres://…`). */
function userinfoHit(entry: Owner, value: string, pointer: string): Hit | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*)(?::([^\s/?#@]*))?@/i.exec(value);
  if (!m) return undefined;
  const user = m[2]!;
  const password = m[3];
  if (password !== undefined && password !== "" && !isPlaceholder(password) && !/^\{[^{}]*\}$/.test(password)) {
    const start = m[1]!.length + user.length + 1;
    return { pointer, value, where: "This URL's user info", kind: "password", span: [start, start + password.length], field: "arg", varName: prefixed(entry, "PASSWORD") };
  }
  if (password === undefined && user !== "" && (detectSecret(user) || isOpaqueToken(user))) {
    return { pointer, value, where: "This URL's user info", kind: "token", span: [m[1]!.length, m[1]!.length + user.length], field: "arg", varName: prefixed(entry, "TOKEN") };
  }
  return undefined;
}

function argHits(entry: Owner, dialect: Dialect, args: ServerEntry["args"]): Hit[] {
  const words: Word[] = [];
  for (const { value, pointer } of args) if (typeof value === "string") words.push({ text: value, pointer, whole: value, offset: 0 });
  return wordHits(entry, dialect, words);
}

/** The words of a command line (`mysql-mcp --password X`), quotes taken off, with their offsets. */
export function commandWords(command: string, pointer: string): Word[] {
  const words: Word[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|[^\s"']+/g)) {
    const quoted = m[1] ?? m[2];
    words.push(quoted !== undefined ? { text: quoted, pointer, whole: command, offset: m.index + 1 } : { text: m[0], pointer, whole: command, offset: m.index });
  }
  return words;
}

/** Credentials written into a command line: `"command": "mysql-mcp --password X"`. */
function commandHits(entry: Owner, dialect: Dialect, command: string, pointer: string): Hit[] {
  if (!/\s/.test(command.trim())) return [];
  return wordHits(entry, dialect, commandWords(command, pointer).slice(1)).map((hit) => ({ ...hit, field: "command" as const }));
}

function flagText(flag: string): string {
  return flag.length <= 40 && /^--?[\w.-]+$/.test(flag) ? flag : "this option";
}

/** Continue keeps remote credentials in `apiKey` and `requestOptions.headers`. */
function continueHits(entry: ServerEntry): Hit[] {
  const out: Hit[] = [];
  const raw = entry.raw;
  if (typeof raw.apiKey === "string") {
    const kind = classify("apiKey", raw.apiKey);
    if (kind) out.push({ pointer: joinPointer(entry.pointer, "apiKey"), value: raw.apiKey, where: '"apiKey"', kind, span: secretSpan(raw.apiKey), field: "header", varName: prefixed(entry, "API_KEY") });
  }
  const ro = raw.requestOptions;
  if (ro && typeof ro === "object" && !Array.isArray(ro)) {
    const headers = (ro as Record<string, unknown>).headers;
    if (headers && typeof headers === "object" && !Array.isArray(headers)) {
      const base = joinPointer(entry.pointer, "requestOptions", "headers");
      const named = Object.entries(headers).map(([name, value]) => ({ name, value, pointer: joinPointer(base, name) }));
      out.push(...namedHits(entry, named, "header"));
    }
  }
  return out;
}

/** The dialect's placeholder for an environment variable, when a suggestion can use it. */
function placeholderFor(dialect: Dialect, name: string): string | undefined {
  if (dialect.variables.unknown || !dialect.variables.env) return undefined;
  return dialect.variables.env(name);
}

/** Replaces every secret span of the value by the dialect's placeholder; the description names only the placeholders. */
function placeholderSuggestion(document: ConfigDocument, dialect: Dialect, hit: Hit): { desc: string; fix: Fix } | undefined {
  const spans = [{ span: hit.span, varName: hit.varName }, ...(hit.more ?? [])].sort((a, b) => b.span[0] - a.span[0]);
  const placeholders: string[] = [];
  let value = hit.value;
  for (const { span, varName } of spans) {
    const placeholder = placeholderFor(dialect, varName);
    if (!placeholder) return undefined;
    placeholders.unshift(placeholder);
    value = value.slice(0, span[0]) + placeholder + value.slice(span[1]);
  }
  const fix = replaceValue(document, hit.pointer, quote(value));
  if (!fix) return undefined;
  const desc = placeholders.length === 1 ? `Replace the secret with ${placeholders[0]}` : `Replace the secrets with ${placeholders.join(" and ")}`;
  return { desc, fix };
}

function advice(dialect: Dialect, hit: Hit): string {
  const rotate = hit.kind === "password" ? "and change this password" : "and rotate this token";
  const name = hit.varName;
  if (hit.field === "command") {
    return `Take it off the command line (where every process list shows it too): have the server read it from an environment variable set outside this file, or use a wrapper script that reads the secret (${rotate}).`;
  }
  if (dialect.id === "codex") {
    if (hit.field === "env") return `Remove it and forward the variable with env_vars = ["${name}"], set in the environment that starts Codex (${rotate}).`;
    if (hit.field === "header" && hit.headerName && /^authorization$/i.test(hit.headerName) && /^\s*Bearer\s/i.test(hit.value)) {
      return `Use bearer_token_env_var = "${name}" instead and set ${name} in the environment that starts Codex (${rotate}).`;
    }
    if (hit.field === "header" && hit.headerName && /^[\w-]+$/.test(hit.headerName)) {
      return `Use env_http_headers = { "${hit.headerName}" = "${name}" } instead and set ${name} in the environment that starts Codex (${rotate}).`;
    }
  }
  if (dialect.id === "goose" && hit.field === "env") {
    return `Store it in Goose's secret store (goose configure) and list "${name}" under env_keys instead (${rotate}).`;
  }
  if (dialect.id === "mcp-registry") {
    return `Use a {${name.replace(/^MCP_/, "").toLowerCase()}} URL variable declared under "variables" with "isSecret": true instead (${rotate}).`;
  }
  const placeholder = placeholderFor(dialect, name);
  if (placeholder && dialect.id === "continue") return `Reference it with ${placeholder} instead and store the value as a Continue secret (${rotate}).`;
  if (placeholder) return `Reference it with ${placeholder} instead and set ${name} in the environment (${rotate}).`;
  if (dialect.variables.unknown) return `Move it out of this file into the environment or the client's secret store (${rotate}).`;
  return `${dialect.client} does not expand variables: keep this file out of version control or use a wrapper script that reads the secret (${rotate}).`;
}

/** Every credential of one server entry, in the order the rule reports them (several may share a pointer). */
function serverHits(entry: ServerEntry, dialect: Dialect): Hit[] {
  const hits: Hit[] = [];
  if (entry.env.length > 0) hits.push(...namedHits(entry, entry.env, "env"));
  if (entry.headers.length > 0) hits.push(...namedHits(entry, entry.headers, "header"));
  if (entry.command && typeof entry.command.value === "string") hits.push(...commandHits(entry, dialect, entry.command.value, entry.command.pointer));
  if (entry.args.length > 0) hits.push(...argHits(entry, dialect, entry.args));
  if (dialect.id === "continue") hits.push(...continueHits(entry));
  if (entry.url && typeof entry.url.value === "string") {
    const hit = urlHit(entry, dialect, entry.url.value, entry.url.pointer, "url", "The URL's");
    if (hit) hits.push(hit);
  }
  return hits;
}

/** The secret parts of a hit's value (every span). */
function hitSecrets(hit: Hit, out: Set<string>): void {
  for (const span of [hit.span, ...(hit.more ?? []).map((m) => m.span)]) {
    const text = hit.value.slice(span[0], span[1]);
    if (text.trim() !== "") out.add(text);
  }
}

const NO_OWNER: Owner = { name: "#0" };

/**
 * Every value this rule flags (or would flag wherever it sat) in one file, for the output redaction step
 * (redact.ts): the credentials of every server entry, and of every string and key anywhere in the document
 * read as if it were an env value (under its key), an argument (after the string before it) and a command line.
 */
export function secretValues(value: unknown, servers: readonly ServerEntry[], dialect: Dialect): Set<string> {
  const out = new Set<string>();
  for (const entry of servers) for (const hit of serverHits(entry, dialect)) hitSecrets(hit, out);
  const stack: unknown[] = [value];
  let budget = 1_000_000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      const words: Word[] = [];
      for (const item of node) {
        if (typeof item === "string") {
          words.push({ text: item, pointer: "", whole: item, offset: 0 });
          scanString(undefined, item, dialect, out);
        } else stack.push(item);
      }
      for (const hit of wordHits(NO_OWNER, dialect, words)) hitSecrets(hit, out);
      continue;
    }
    for (const [key, item] of Object.entries(node as Record<string, unknown>)) {
      if (secretKey(key)) out.add(key);
      if (typeof item === "string") scanString(key, item, dialect, out);
      else stack.push(item);
    }
  }
  return out;
}

/** A key that is itself a credential (a token pasted as a name). */
export function secretKey(key: string): boolean {
  return key.length >= 12 && (detectSecret(key) !== undefined || looksRandom(key) || /^\s*(Bearer|Basic)\s+\S{12,}/i.test(key));
}

/** An opaque token that also switches between digits and letters, and between cases, again and again (not "GitHubCopilot2025Server"). */
function looksRandom(text: string): boolean {
  if (!isOpaqueToken(text)) return false;
  const digitSwitches = text.match(/\d(?=[A-Za-z])|[A-Za-z](?=\d)/g)?.length ?? 0;
  const caseSwitches = text.match(/[a-z](?=[A-Z])|[A-Z](?=[a-z])/g)?.length ?? 0;
  return digitSwitches >= 4 && caseSwitches >= 4;
}

/** One string under `key`: as a named value, as one argument, as a command line, and its token-shaped parts. */
function scanString(key: string | undefined, text: string, dialect: Dialect, out: Set<string>): void {
  if (text.length < 6) return;
  if (key !== undefined) {
    for (const hit of namedHits(NO_OWNER, [{ name: key, value: text, pointer: "" }], "env")) hitSecrets(hit, out);
  }
  for (const hit of wordHits(NO_OWNER, dialect, [{ text, pointer: "", whole: text, offset: 0 }])) hitSecrets(hit, out);
  if (/\s/.test(text.trim())) for (const hit of wordHits(NO_OWNER, dialect, commandWords(text, ""))) hitSecrets(hit, out);
  if (text.length >= 12) {
    for (const m of text.matchAll(/[^"'\s,=]{12,}/g)) if (detectSecret(m[0])) out.add(m[0]);
  }
}

export const noHardcodedSecrets = defineConfigRule({
  meta: {
    id: "no-hardcoded-secrets",
    description: "Credentials must not be written into the config file",
    severity: "error",
    recommended: true,
    securitySeverity: 7.5,
    hasSuggestions: true,
    messages: {
      hardcoded: "{{where}} holds a hard-coded {{kind}}: anyone who can read this file can use it. {{advice}}",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    for (const entry of servers) {
      const hits = serverHits(entry, dialect);
      if (hits.length === 0) continue;
      const seen = new Set<string>();
      for (const hit of hits) {
        if (seen.has(hit.pointer)) continue;
        seen.add(hit.pointer);
        const suggestion = dialect.id === "codex" || dialect.id === "goose" || hit.field === "command" ? undefined : placeholderSuggestion(document, dialect, hit);
        report({
          messageId: "hardcoded",
          data: { where: hit.where, kind: hit.kind, advice: advice(dialect, hit) },
          pointer: hit.pointer,
          part: "value",
          ...(suggestion ? { suggestions: [suggestion] } : {}),
        });
      }
    }
  },
});
