/**
 * Shapes of credentials that must not sit in a config file. Detection only:
 * nothing here ever returns or formats the matched value.
 */
export interface SecretKind {
  id: string;
  /** What the user sees: "a GitHub token". Never the value. */
  label: string;
  pattern: RegExp;
}

export const SECRET_KINDS: readonly SecretKind[] = [
  { id: "github", label: "a GitHub token", pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  { id: "anthropic", label: "an Anthropic API key", pattern: /\bsk-ant-[A-Za-z0-9_-]{20,}/ },
  { id: "openai", label: "an OpenAI API key", pattern: /\bsk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/ },
  { id: "slack", label: "a Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { id: "aws", label: "an AWS access key id", pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { id: "google", label: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { id: "gitlab", label: "a GitLab token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { id: "stripe", label: "a Stripe secret key", pattern: /\b[rs]k_(live|test)_[A-Za-z0-9]{20,}/ },
  { id: "supabase", label: "a Supabase access token", pattern: /\bsbp_[A-Za-z0-9]{30,}/ },
  { id: "npm", label: "an npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { id: "huggingface", label: "a Hugging Face token", pattern: /\bhf_[A-Za-z0-9]{30,}/ },
  { id: "private-key", label: "a private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { id: "jwt", label: "a JSON Web Token", pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { id: "bearer", label: "a bearer token", pattern: /^\s*Bearer\s+(?!\$|\{|<)[A-Za-z0-9._~+/=-]{16,}\s*$/i },
  { id: "basic", label: "Basic-auth credential", pattern: /^\s*Basic\s+(?!\$|\{|<)[A-Za-z0-9+/=]{12,}\s*$/i },
];

/**
 * Can `name` (after a bare "$") be an environment variable's name, rather than the rest of a credential that
 * starts with or contains "$" ("$Xk9mP2qR7vT4", "abc$Zk9Lq2Wx8")? Variable names are words: one case, or
 * camelCase without digits. A long mix of lower case, upper case and digits is a token.
 */
export function isVariableName(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return false;
  return !(name.length >= 8 && /[a-z]/.test(name) && /[A-Z]/.test(name) && /\d/.test(name));
}

/** A `$NAME` reference in `v` whose name can be a variable's (see isVariableName). */
function hasBareVariable(v: string): boolean {
  for (const m of v.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) if (isVariableName(m[1]!)) return true;
  return false;
}

/** Placeholder-looking values that are not secrets: "${TOKEN}", "$TOKEN", "<your-token>", "xxx", "changeme". */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    /\$\{|\{env:|\{\{/.test(v) ||
    (v.indexOf("$") >= 0 && hasBareVariable(v)) ||
    /^<[^>]*>$/.test(v) ||
    /^(x+|\*+|\.+|changeme|change-me|your[-_ ].*|replace[-_ ]?me|todo|placeholder|redacted|secret|token|null|none|example.*)$/i.test(v) ||
    /(your|my)[-_]?(api[-_]?)?(key|token|secret)/i.test(v) ||
    /x{6,}|X{6,}|\*{4,}/.test(v)
  );
}

/** One pass over the value for all token shapes (grouped by flags), before the per-kind tests. */
const ANY_SECRET = (["", "i"] as const).map(
  (flags) =>
    new RegExp(
      SECRET_KINDS.filter((k) => k.pattern.flags === flags)
        .map((k) => `(?:${k.pattern.source})`)
        .join("|"),
      flags,
    ),
);

/**
 * False when `value` cannot hold a known credential shape: detectSecret is then undefined for it.
 * (The cheap first half of detectSecret, for callers that can skip further work.)
 */
export function mayHoldSecret(value: string): boolean {
  return value.length >= 12 && ANY_SECRET.some((re) => re.test(value));
}

/** The kind of credential `value` holds, if any. */
export function detectSecret(value: string): SecretKind | undefined {
  if (value.length < 12 || !ANY_SECRET.some((re) => re.test(value)) || isPlaceholder(value)) return undefined;
  return SECRET_KINDS.find((k) => k.pattern.test(value));
}

/** Names of env vars / headers that carry credentials. */
export const SECRET_NAME = /(^|[_-])(api[_-]?key|apikey|token|secret|password|passwd|pwd|credential|credentials|private[_-]?key|access[_-]?key|auth)([_-]|$)|^authorization$|^x-api-key$/i;

/**
 * A high-entropy literal under a credential-like name (`API_KEY: "f3a9..."`).
 * Values with spaces, paths, URLs and short words are not treated as secrets.
 */
export function looksLikeSecretValue(name: string, value: string): boolean {
  if (!SECRET_NAME.test(name) || isPlaceholder(value)) return false;
  const v = value.trim();
  if (v.length < 16 || /\s/.test(v) || /^(https?:|\/|\.|~)/.test(v) || /^(true|false|\d+)$/i.test(v)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(v)).length;
  return classes >= 2 && shannonEntropy(v) >= 3.5;
}

function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * A value safe to quote in a message: short, single-line, and not a
 * credential. Otherwise the fallback text is used instead.
 */
export function echo(value: string, fallback: string): string {
  if (value.length > 80 || /[\r\n]/.test(value) || detectSecret(value) || isOpaqueToken(value) || hasUserinfo(value)) return fallback;
  return JSON.stringify(value);
}

/** A URL with user info (`https://user:password@host`, `git+https://token@host`): never quoted. */
export function hasUserinfo(value: string): boolean {
  return /[a-z][a-z0-9+.-]*:\/\/[^\s/?#@]*@/i.test(value);
}

/** A long run of mixed-case letters and digits with no word separators: an opaque token. */
export function isOpaqueToken(value: string): boolean {
  if (value.length < 20 || /[\s/@.:]/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(value)).length;
  return classes === 3 && shannonEntropy(value) >= 3.5;
}

/**
 * Does any token of `text` (split at quotes, whitespace, commas and "=") hold a credential? Only tokens of
 * 12 or more characters can (detectSecret's minimum), and those are exactly the matches of LONG_TOKEN, so
 * short texts cost one regex scan and no split. Fixes and suggestions whose text carries one are dropped.
 */
const LONG_TOKEN = /[^"'\s,=]{12,}/g;

export function carriesSecret(text: string): boolean {
  if (text.length < 12) return false;
  LONG_TOKEN.lastIndex = 0;
  for (let m = LONG_TOKEN.exec(text); m !== null; m = LONG_TOKEN.exec(text)) {
    if (detectSecret(m[0]) !== undefined) return true;
  }
  return false;
}
