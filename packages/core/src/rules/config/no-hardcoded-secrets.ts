import type { Dialect } from "../../dialects/types.js";
import type { ConfigDocument } from "../../document/document.js";
import type { Fix } from "../../finding.js";
import { joinPointer } from "../../document/pointer.js";
import { quote, replaceValue } from "../../edits.js";
import type { NamedValue, ServerEntry } from "../../servers.js";
import { SECRET_KINDS, SECRET_NAME, detectSecret, echo, isPlaceholder, looksLikeSecretValue, mayHoldSecret } from "../../util/secrets.js";
import { analyseUrl, urlOptions } from "../../util/urls.js";
import { defineConfigRule } from "../types.js";

/** Where a credential sits, for the advice and the variable name. */
type Field = "env" | "header" | "arg" | "url";

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

/** The kind of credential `text` is (under `name`, if any), or undefined. */
function classify(name: string | undefined, text: string): string | undefined {
  // Without a known token shape in the text and without a credential-like name, nothing below can say "secret".
  if (!mayHoldSecret(text) && (name === undefined || !SECRET_NAME.test(name))) return undefined;
  if (isPlaceholder(text)) return undefined;
  const known = detectSecret(text);
  if (known) return known.label.replace(ARTICLE, "");
  if (name === undefined || NOT_SECRET_NAME.test(name) || looksLikeNonSecretText(text.trim())) return undefined;
  return looksLikeSecretValue(name, text) ? "credential" : undefined;
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

function serverPrefix(entry: ServerEntry): string {
  return /^#\d+$/.test(entry.name) ? "MCP" : envName(entry.name);
}

function prefixed(entry: ServerEntry, base: string): string {
  const prefix = serverPrefix(entry);
  const b = envName(base);
  return b.startsWith(prefix + "_") || b === prefix ? b : `${prefix}_${b}`;
}

function quoteName(name: string, fallback: string): string {
  return echo(name, fallback);
}

/** Credentials in a URL's user info or query string: one hit for the URL, every secret in it as extra spans. */
function urlHit(entry: ServerEntry, dialect: Dialect, value: string, pointer: string, field: Field, subject: string): Hit | undefined {
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

function namedHits(entry: ServerEntry, values: NamedValue[], field: "env" | "header"): Hit[] {
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

function argHits(entry: ServerEntry, dialect: Dialect): Hit[] {
  const out: Hit[] = [];
  const args = entry.args;
  for (let i = 0; i < args.length; i++) {
    const { value, pointer } = args[i]!;
    if (typeof value !== "string" || value === "") continue;
    let m: RegExpExecArray | null;
    // The first four shapes need an "=" or a ":"; plain words ("-y", "pkg@1.0.0") go straight to the last one.
    if (value.indexOf("=") >= 0 || value.indexOf(":") >= 0) {
    // --api-key=VALUE
    if ((m = /^(--?([A-Za-z][\w.-]*))=(.*)$/s.exec(value))) {
      const kind = classify(m[2]!, m[3]!);
      if (kind) {
        const at = m[1]!.length + 1;
        const [s, e] = secretSpan(m[3]!);
        out.push({ pointer, value, where: `The value of ${flagText(m[1]!)}`, kind, span: [at + s, at + e], field: "arg", varName: prefixed(entry, m[2]!) });
      }
      continue;
    }
    // API_KEY=VALUE (docker -e, env assignments)
    if ((m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value))) {
      const kind = classify(m[1]!, m[2]!);
      if (kind) {
        const at = m[1]!.length + 1;
        const [s, e] = secretSpan(m[2]!);
        out.push({ pointer, value, where: `${quoteName(m[1]!, "The variable")} in this argument`, kind, span: [at + s, at + e], field: "arg", varName: m[1]! });
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
        out.push({ pointer, value, where: `Header ${quoteName(m[1]!, "")} in this argument`.replace("  ", " "), kind, span: [at + s, at + e], field: "arg", varName: prefixed(entry, base) });
        continue;
      }
      if (!/^https?$/i.test(m[1]!)) continue;
    }
    if (/^https?:\/\//i.test(value)) {
      const hit = urlHit(entry, dialect, value, pointer, "arg", "This URL's");
      if (hit) out.push(hit);
      continue;
    }
    }
    // --api-key VALUE
    const prev = i > 0 ? args[i - 1]!.value : undefined;
    const flag = typeof prev === "string" && prev.charCodeAt(0) === 45 ? /^--?([A-Za-z][\w.-]*)$/.exec(prev) : null;
    const kind = classify(flag ? flag[1]! : undefined, value);
    if (!kind) continue;
    const where = flag ? `The value of ${flagText(prev as string)}` : "This argument";
    const varName = flag ? prefixed(entry, flag[1]!) : prefixed(entry, "TOKEN");
    out.push({ pointer, value, where, kind, span: secretSpan(value), field: "arg", varName });
  }
  return out;
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

export const noHardcodedSecrets = defineConfigRule({
  meta: {
    id: "no-hardcoded-secrets",
    description: "Credentials must not be written into the config file",
    severity: "error",
    recommended: true,
    hasSuggestions: true,
    messages: {
      hardcoded: "{{where}} holds a hard-coded {{kind}}: anyone who can read this file can use it. {{advice}}",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    for (const entry of servers) {
      const hits: Hit[] = [];
      if (entry.env.length > 0) hits.push(...namedHits(entry, entry.env, "env"));
      if (entry.headers.length > 0) hits.push(...namedHits(entry, entry.headers, "header"));
      if (entry.args.length > 0) hits.push(...argHits(entry, dialect));
      if (dialect.id === "continue") hits.push(...continueHits(entry));
      if (entry.url && typeof entry.url.value === "string") {
        const hit = urlHit(entry, dialect, entry.url.value, entry.url.pointer, "url", "The URL's");
        if (hit) hits.push(hit);
      }
      if (hits.length === 0) continue;
      const seen = new Set<string>();
      for (const hit of hits) {
        if (seen.has(hit.pointer)) continue;
        seen.add(hit.pointer);
        const suggestion = dialect.id === "codex" || dialect.id === "goose" ? undefined : placeholderSuggestion(document, dialect, hit);
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
