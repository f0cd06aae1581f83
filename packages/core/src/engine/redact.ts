import { getDialect, type Dialect } from "../dialects/index.js";
import { parseDocument } from "../document/index.js";
import { joinPointer, splitPointer } from "../document/pointer.js";
import type { Finding, Suggestion } from "../model/finding.js";
import { fingerprint } from "../model/fingerprint.js";
import { secretKey, secretValues } from "../rules/config/no-hardcoded-secrets.js";
import type { FileResult } from "./lint-config-text.js";
import { collectServers } from "../dialects/servers.js";
import { detectSecret, isPlaceholder, SECRET_NAME } from "../util/secrets.js";

/**
 * The output redaction step. Every text that leaves mcp-lint (every formatter, the Action's log, annotations,
 * summary and SARIF, the suppressions baseline, --print-config, the probe's messages) goes through it:
 *
 * - the values no-hardcoded-secrets flags (or would flag wherever they sat) in the file a finding is about,
 *   found again from the file's source by the rule's own detection, whatever rule wrote the message;
 * - anything shaped like a credential: known token shapes, Bearer/Basic credentials, the password of a URL's
 *   user info, the value after a credential-named option (`--password X`, `--token=X`).
 *
 * Each is replaced by REDACTED. A fix or suggestion whose text carries one is dropped from the output (it would
 * print the secret in JSON; `--fix` itself applies fixes before this step, so it is unaffected).
 */
export const REDACTED = "[redacted]";

/** A run of characters that can be one token (detectSecret's minimum is 12). */
const TOKEN = /[^\s"'`,;=()<>[\]{}\\]{12,}/g;
const AUTH = /\b(Bearer|Basic|Token)(\s+)(?!\[redacted\])([A-Za-z0-9._~+/=-]{12,})/gi;
/** scheme://user:password@ (the password part). */
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"'<>]*):([^\s/?#@"'<>]+)@/gi;
/** --name=value, --name value, with a credential-like option name. */
const FLAG_VALUE = /(?<![\w-])(--?([A-Za-z][\w.-]*))(=|\s+)(?!-)("[^"]*"|'[^']*'|[^\s"',;)\]}]+)/g;

/** Shortest known value replaced: shorter ones would blank out ordinary words. */
const MIN_KNOWN_LENGTH = 6;

export class Redactor {
  /** Known values by their first MIN_KNOWN_LENGTH characters, longest first: one pass over a text finds them all. */
  private readonly byPrefix = new Map<string, string[]>();

  /** `known`: secret values of the file the texts are about (from secretsOfSource). */
  constructor(known: Iterable<string> = []) {
    const all = new Set<string>();
    for (const v of known) {
      if (v.length < MIN_KNOWN_LENGTH) continue;
      all.add(v);
      // "$Xk9…" quoted as "${Xk9…}" or "Xk9…": the parts between "$" signs too.
      if (v.indexOf("$") >= 0) for (const part of v.split("$")) if (part.length >= MIN_KNOWN_LENGTH) all.add(part);
      // As a message or a JSON file would quote it.
      const escaped = JSON.stringify(v).slice(1, -1);
      if (escaped !== v) all.add(escaped);
    }
    for (const v of [...all].sort((a, b) => b.length - a.length)) {
      const prefix = v.slice(0, MIN_KNOWN_LENGTH);
      const list = this.byPrefix.get(prefix);
      if (list) list.push(v);
      else this.byPrefix.set(prefix, [v]);
    }
  }

  /** `text` with every known value replaced, in one left-to-right pass (linear in the text, whatever the number of values). */
  private replaceKnown(text: string): string {
    if (this.byPrefix.size === 0 || text.length < MIN_KNOWN_LENGTH) return text;
    let out = "";
    let last = 0;
    for (let i = 0; i + MIN_KNOWN_LENGTH <= text.length; ) {
      const candidates = this.byPrefix.get(text.slice(i, i + MIN_KNOWN_LENGTH));
      const hit = candidates?.find((v) => text.startsWith(v, i));
      if (hit === undefined) {
        i++;
        continue;
      }
      out += text.slice(last, i) + REDACTED;
      i += hit.length;
      last = i;
    }
    return last === 0 ? text : out + text.slice(last);
  }

  /** Does `text` hold a secret (a known value or a credential shape)? */
  carries(text: string): boolean {
    return this.text(text) !== text;
  }

  /** `text` with every secret replaced by REDACTED. */
  text(text: string): string {
    let out = this.replaceKnown(text);
    if (out.length < 12 && out.indexOf("@") < 0) return out;
    out = out.replace(USERINFO, (_m, head: string, password: string) => (isPlaceholder(password) ? _m : `${head}:${REDACTED}@`));
    out = out.replace(AUTH, (m, scheme: string, space: string, value: string) => (isPlaceholder(value) ? m : `${scheme}${space}${REDACTED}`));
    out = out.replace(FLAG_VALUE, (m, flag: string, name: string, sep: string, raw: string) => {
      const value = raw.replace(/^["']|["']$/g, "");
      if (!SECRET_NAME.test(name) || value.length < MIN_KNOWN_LENGTH || isPlaceholder(value) || value === REDACTED) return m;
      // Prose after an option name ("--token holds …") is not a value: a value has a digit or a capital letter.
      if (!/[\d]/.test(value) && !/[A-Z]/.test(value)) return m;
      return `${flag}${sep}${REDACTED}`;
    });
    TOKEN.lastIndex = 0;
    out = out.replace(TOKEN, (token) => (detectSecret(token) ? REDACTED : token));
    return out;
  }

  /** A JSON pointer with every segment that holds a secret replaced by REDACTED. */
  pointer(pointer: string): string {
    if (pointer === "") return pointer;
    const segments = splitPointer(pointer);
    let changed = false;
    const out = segments.map((s) => {
      const r = secretKey(s) ? REDACTED : this.text(s);
      if (r !== s) changed = true;
      return r;
    });
    return changed ? joinPointer("", ...out) : pointer;
  }
}

/** Shape-only redaction, for text that is about no file of the run (the probe's server output, --print-config). */
export const shapeRedactor = new Redactor();

/** A stand-in dialect for reading secrets out of a source that is no config (code, a broken file). */
let fallbackDialect: Dialect | undefined;

/**
 * The values no-hardcoded-secrets would flag in this source: from the parsed document when it parses, and in
 * any case from every quoted string of the text (so a file that does not parse, or a code file, still has
 * its `"API_KEY": "…"` pairs and command lines known).
 */
export function secretsOfSource(file: string, source: string, dialectId: string | undefined): Set<string> {
  const dialect = (dialectId ? getDialect(dialectId) : undefined) ?? (fallbackDialect ??= getDialect("claude-code")!);
  let parsedOk = false;
  const out = new Set<string>();
  if (dialectId && getDialect(dialectId)) {
    const doc = parseDocument(file, source, dialect.format);
    if (doc.errors.length === 0) {
      parsedOk = true;
      for (const v of secretValues(doc.value, collectServers(doc, dialect), dialect)) out.add(v);
    }
  }
  if (!parsedOk) {
    // Key/value pairs and strings as they are written: "KEY": "value", KEY = "value", KEY: value.
    const pairs: Record<string, string>[] = [];
    const strings: string[] = [];
    const PAIR = /["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^\s,'"{}[\]#]+))/g;
    for (const m of source.matchAll(PAIR)) {
      const value = m[2] ?? m[3] ?? m[4] ?? "";
      pairs.push({ [m[1]!]: unescape(value) });
    }
    for (const m of source.matchAll(/"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|`([^`]*)`/g)) strings.push(unescape(m[1] ?? m[2] ?? m[3] ?? ""));
    for (const v of secretValues([pairs, strings], [], dialect)) out.add(v);
  }
  return out;
}

function unescape(s: string): string {
  if (s.indexOf("\\") < 0) return s;
  try {
    return JSON.parse(`"${s}"`) as string;
  } catch {
    return s;
  }
}

/** Findings that went through redactResults already (results are copied, findings are not). */
const redacted = new WeakSet<Finding>();

function redactFinding(f: Finding, r: Redactor): Finding {
  if (redacted.has(f)) return f;
  const message = r.text(f.message);
  const pointer = r.pointer(f.pointer);
  const out: Finding = { ...f, message, pointer };
  if (pointer !== f.pointer) out.fingerprint = fingerprint(f.ruleId, f.file, pointer);
  if (f.fix && r.carries(f.fix.text)) delete out.fix;
  if (f.suggestions) {
    const kept: Suggestion[] = [];
    for (const s of f.suggestions) if (!r.carries(s.fix.text)) kept.push({ ...s, desc: r.text(s.desc) });
    if (kept.length > 0) out.suggestions = kept;
    else delete out.suggestions;
  }
  redacted.add(out);
  return out;
}

/**
 * THE redaction step over results: every finding's message, suggestion texts and pointer (the baseline's key)
 * is redacted with the secrets of its own file; fixes and suggestions that carry one are left out. Cheap to
 * call again on the same results (findings done already are kept as they are).
 */
export function redactResults<T extends FileResult & { suppressed?: Finding[] }>(results: readonly T[]): T[] {
  return results.map((result) => {
    const all = result.suppressed ? [...result.findings, ...result.suppressed] : result.findings;
    if (all.every((f) => redacted.has(f))) return result;
    const r = result.source !== undefined ? new Redactor(secretsOfSource(result.file, result.source, result.dialect)) : shapeRedactor;
    const out: T = { ...result, findings: result.findings.map((f) => redactFinding(f, r)) };
    if (result.suppressed) out.suppressed = result.suppressed.map((f) => redactFinding(f, r));
    return out;
  });
}

/**
 * One file's result redacted while its source is at hand (its own secrets are known from it), then without the
 * source: lintFiles does not keep every file's text, and redacting later would know only the credential shapes.
 */
export function redactWithSource<T extends FileResult>(result: T): T {
  const [out] = redactResults([result]);
  const { source: _source, ...rest } = out!;
  return rest as T;
}

/** A JSON-like value (the printed config) with every key and string redacted: its own secrets and every shape. */
export function redactValue<T>(value: T): T {
  const r = new Redactor(secretValues(value, [], (fallbackDialect ??= getDialect("claude-code")!)));
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === "string") return v.startsWith("/") ? r.pointer(v) : r.text(v);
    if (v === null || typeof v !== "object" || depth > 200) return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k.startsWith("/") ? r.pointer(k) : secretKey(k) ? REDACTED : r.text(k)] = walk(x, depth + 1);
    return out;
  };
  return walk(value, 0) as T;
}
