import { detectSecret, shapeRedactor } from "@mcp-lint/core";

/**
 * Text from a server (stderr, stdout noise, JSON-RPC error messages, its name and version) may echo
 * credentials it was given. Before any of it goes into a finding, a table or a log line, it goes through
 * a Redactor: the secret values the probe handed to the server are replaced, then anything shaped like a
 * known credential (core's detectSecret), bearer/basic credentials, URL userinfo and query values.
 */

/**
 * Names whose values are never shown, for redaction only (broader than core's SECRET_NAME, which the static
 * rules use): no separator is needed, so PGPASSWORD, SERVICE_KEY, DB_PASS, MYTOKEN, DB_PW all count.
 */
const REDACT_NAME = /(key|token|secret|pass(word|wd)?|pwd|auth|credential|cookie|session|private)|(^|[^a-z])pw([^a-z]|$)/i;
/** Names the broad test matches that are not secrets: the working directory. */
const NOT_SECRET_NAME = /^(old)?pwd$/i;

const REDACTED = "[redacted]";

/** ANSI escapes and other control characters: server text must not drive the terminal. */
const CONTROL = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Line breaks and tabs: single-line output (a table cell, a progress line, a message) stays one line. */
const BREAKS = /[\t\n\r\u2028\u2029]/g;

/** A run of characters that could be one token (detectSecret's minimum length is 12). */
const TOKEN = /[^\s"'`,;=()<>[\]{}]{12,}/g;

/** Text for a single-line output: escapes and control characters removed, line breaks and tabs made spaces. */
export function stripControl(text: string): string {
  return text.replace(CONTROL, "").replace(BREAKS, " ");
}

/**
 * A name a server chose (a tool, a prompt) or a config holds, quoted for a message: one line, every control, format
 * (bidi, zero-width, tag), private-use or unpaired-surrogate character shown as `?` (what is shown is what is there),
 * at most 100 characters.
 */
export function visibleName(name: string): string {
  const cleaned = name.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/gu, "?");
  return JSON.stringify(cleaned.length > 100 ? `${cleaned.slice(0, 99)}…` : cleaned);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A high-entropy run: mixed case and digits, 16+ characters, no separators. */
function opaque(value: string): boolean {
  if (value.length < 16 || /[\s/@.:]/.test(value)) return false;
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

/** Shortest value a Redactor replaces: shorter ones would blank out ordinary words. */
export const MIN_SECRET_LENGTH = 6;

export class Redactor {
  private readonly values: string[];

  /** `secrets`: values the probe passed to the server that must never be shown (longest are replaced first). */
  constructor(secrets: Iterable<string>) {
    this.values = [];
    this.add(secrets);
  }

  add(secrets: Iterable<string>): void {
    const all = new Set([...this.values, ...[...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH)]);
    this.values.splice(0, this.values.length, ...[...all].sort((a, b) => b.length - a.length));
  }

  /**
   * Only the secret values given (no shape-based redaction): for text that is kept and compared, such as the lock,
   * where an ordinary token-like word or URL query must stay as the server wrote it.
   */
  redactValues(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  redact(text: string): string {
    let out = this.redactValues(text);
    out = out
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`)
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, `$1${REDACTED}@`)
      .replace(/([?&][^=\s&#]+=)[^&\s#"']+/g, `$1${REDACTED}`);
    out = out.replace(TOKEN, (token) => (detectSecret(token) || opaque(token) ? REDACTED : token));
    // And core's output redaction step (credential-named options, user info of any URL, every token shape).
    return shapeRedactor.text(out);
  }

  /** One line of server output, safe for a message: no control characters or line breaks, redacted, at most `max` characters. */
  line(text: string, max: number): string {
    return truncate(this.redact(stripControl(text)).trim(), max);
  }
}

/** Does this variable, header or flag name say its value is a credential (the broad test used for redaction)? */
export function isSecretName(name: string): boolean {
  return REDACT_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

/** Does a variable or header of this name, with this value, hold a credential? */
export function isSecretSetting(name: string, value: string): boolean {
  if (value.length < MIN_SECRET_LENGTH) return false;
  return isSecretName(name) || detectSecret(value) !== undefined || opaque(value);
}

/** Values of the inherited environment that look like credentials: by name (the broad test) or by shape. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (typeof value === "string" && isSecretSetting(name, value)) out.push(value);
  }
  return out;
}

/** A string from a config for a message: quoted when short and not secret, else `fallback`. */
export function displayValue(value: string, fallback: string, max = 80): string {
  if (value.length > max || /[\r\n]/.test(value) || detectSecret(value) || opaque(value)) return fallback;
  return JSON.stringify(stripControl(value));
}
