/**
 * Tool poisoning and prompt injection signals in text an agent will read (tool, prompt and resource names, titles and
 * descriptions; values a client passes on). Pure and bounded: no documents, no ESLint, no I/O, so every surface (config
 * rules, code rules, the probe on what live servers return) calls the same function.
 *
 * Linear time: the text is capped at MAX_SCANNED characters, every pattern is a literal alternation or has bounded,
 * non-nested quantifiers, and the character scan is one pass.
 */

export type SignalKind =
  /** Words addressed to the model, not to the person: "ignore previous instructions", "do not tell the user", <IMPORTANT>. */
  | "model-instruction"
  /** Unicode tag characters (U+E0000–U+E007F) outside an emoji flag sequence: invisible to people, read by models. */
  | "tag-characters"
  /** Bidirectional embedding/override/isolate controls: the text shown is not the order the model reads. */
  | "bidi-control"
  /** Zero-width characters that join nothing (U+200B, U+2060–U+2064, U+FEFF after the start, U+180E). */
  | "zero-width"
  /** An HTML comment: hidden when the description is rendered as Markdown, read by the model. */
  | "html-comment"
  /** A run of whitespace long enough to push the rest of the text out of view in a client's approval dialog. */
  | "whitespace-run"
  /** Words about another tool or server ("when the X tool is called", "instead of using X"): tool shadowing. */
  | "tool-shadowing"
  /** A request to read SSH keys, .env files or credentials, or to send data to a URL. */
  | "exfiltration";

export interface Signal {
  kind: SignalKind;
  /** UTF-16 offset of the signal in the scanned text. */
  offset: number;
  length: number;
  /** One sentence saying what was found and why it matters; never echoes more than a short, visible excerpt. */
  explanation: string;
}

export interface AgentTextContext {
  /** What the text is, for the explanation: "tool description", "argument", … */
  what?: string;
  /** Signal kinds to look for; DEFAULT_KINDS when absent (html-comment is off: markers like `<!-- x -->` are common). */
  kinds?: ReadonlySet<SignalKind>;
  /** Quote the matched words in explanations (default true); false for values that may hold secrets. */
  echo?: boolean;
}

/** Characters scanned per text; the rest is ignored (real descriptions are far shorter). */
export const MAX_SCANNED = 65_536;
/** Signals returned per text at most. */
export const MAX_SIGNALS = 32;
/** Whitespace characters in a row that count as a run pushing text out of view. */
export const WHITESPACE_RUN = 120;

/** Signals on by default: every kind without false positives on the real text measured (docs/precision.md). */
export const DEFAULT_KINDS: ReadonlySet<SignalKind> = new Set<SignalKind>([
  "model-instruction",
  "tag-characters",
  "bidi-control",
  "zero-width",
  "whitespace-run",
  "tool-shadowing",
  "exfiltration",
]);

export const ALL_KINDS: ReadonlySet<SignalKind> = new Set<SignalKind>([
  "model-instruction",
  "tag-characters",
  "bidi-control",
  "zero-width",
  "html-comment",
  "whitespace-run",
  "tool-shadowing",
  "exfiltration",
]);

/**
 * Signal kinds that have no legitimate use in agent-visible text (outside emoji flags, which the scanner excludes):
 * tag characters and bidi controls hide what the model reads from the person approving the tool, so rules report
 * them at their own severity (error). Every other kind is a text heuristic a description may quote legitimately,
 * capped at warning (docs/rules/no-prompt-injection.md, "Severity"). One decision for every surface (config and code
 * rules, the probe).
 */
export const NEVER_LEGITIMATE: ReadonlySet<SignalKind> = new Set<SignalKind>(["tag-characters", "bidi-control"]);

/** The most a finding for this signal kind may be: undefined (the rule's severity) or "warning" for heuristics. */
export function signalSeverityCap(kind: SignalKind): "warning" | undefined {
  return NEVER_LEGITIMATE.has(kind) ? undefined : "warning";
}

/** The severity a signal of this kind is reported at where there is no rule severity to keep (the probe). */
export function signalSeverity(kind: SignalKind): "error" | "warning" {
  return signalSeverityCap(kind) ?? "error";
}

export interface Pattern {
  kind: SignalKind;
  re: RegExp;
  explain: string;
  /**
   * Lower-case strings one of which any match contains (a literal part of the pattern every match has). A text
   * with none of them is not run through the regular expression: most texts scanned (commands, arguments, URLs)
   * have none, and compiling these patterns was about a tenth of a cold start on one config file.
   * test/core/security/agent-text.test.ts checks that every match contains one.
   */
  needs: string[];
}

// Each pattern: literal words, bounded gaps ([^\n]{0,N} or \s{1,N}), no nested quantifiers.
export const PATTERNS: Pattern[] = [
  {
    kind: "model-instruction",
    re: /\b(?:ignore|disregard|forget)\s{1,4}(?:all\s{1,4}|any\s{1,4}|the\s{1,4})?(?:previous|prior|above|earlier|other|your)\s{1,4}(?:instructions|rules|prompts?|directions)\b/gi,
    explain: "tells the model to ignore its other instructions",
    needs: ["ignore", "disregard", "forget"],
  },
  {
    kind: "model-instruction",
    re: /\b(?:do\s{1,4}not|don't|never|no\s{1,4}need\s{1,4}to)\s{1,4}(?:tell|mention|inform|reveal|show|notify)(?:\s{1,4}(?:this|that|it|anything))?\s{1,4}(?:to\s{1,4})?the\s{1,4}user\b/gi,
    explain: "tells the model to hide something from the user",
    needs: ["user"],
  },
  {
    kind: "model-instruction",
    re: /\bwithout\s{1,4}(?:telling|informing|notifying|asking)\s{1,4}the\s{1,4}user\b/gi,
    explain: "tells the model to act without the user knowing",
    needs: ["without"],
  },
  {
    kind: "model-instruction",
    re: /<\/?\s{0,2}(?:important|system|instructions?|secret|hidden)\s{0,2}>/gi,
    explain: "is an <IMPORTANT>/<SYSTEM>-style block, a form used to address the model instead of the user",
    needs: ["<"],
  },
  {
    kind: "model-instruction",
    re: /\bbefore\s{1,4}(?:using|calling|invoking)\s{1,4}this\s{1,4}tool,?\s{1,4}(?:you\s{1,4})?(?:must|have\s{1,4}to|need\s{1,4}to|should)\s{1,4}(?:first\s{1,4})?(?:read|call|send|pass|include|provide|run)\b/gi,
    explain: "tells the model to do something else before the tool runs",
    needs: ["before"],
  },
  {
    kind: "tool-shadowing",
    re: /\bwhen(?:ever)?\s{1,4}(?:the\s{1,4})?(?!(?:the|this|that|a|an|any|each|every|our|your|its|same|other|next|first|last)\s)[`'"]?[A-Za-z][\w.-]{0,63}[`'"]?\s{1,4}tool\s{1,4}is\s{1,4}(?:called|used|invoked|run)\b/gi,
    explain: "changes what the model does when another tool is called (tool shadowing)",
    needs: ["tool"],
  },
  {
    kind: "tool-shadowing",
    re: /\binstead\s{1,4}of\s{1,4}(?:using|calling)\s{1,4}(?:the\s{1,4})?(?!(?:the|this|that|a|an|any|each|every|our|your|its|same|other|next|first|last)\s)[`'"]?[A-Za-z][\w.-]{0,63}[`'"]?\s{1,4}(?:tool|server)\b/gi,
    explain: "tells the model to use this instead of another tool or server (tool shadowing)",
    needs: ["instead"],
  },
  {
    kind: "exfiltration",
    // Not after "can/could/may/might/cannot": a statement of what the tool is able to do, not a request.
    re: /(?<!\b(?:can|could|may|might|cannot)\s)\b(?:read|cat|open|include|attach|pass|send|upload|provide|copy)\b[^\n]{0,60}?(?:~\/\.ssh\b|\.ssh\/|\bid_rsa\b|\bid_ed25519\b|(?<![\w.$])\.env\b(?!\.)|\bcredentials?\s{0,2}(?:file|\.json)|\.aws\/credentials|\.netrc\b)/gi,
    explain: "asks the model to read SSH keys, .env files or credentials",
    needs: ["ssh", "id_rsa", "id_ed25519", ".env", "credential", ".netrc"],
  },
  {
    kind: "exfiltration",
    re: /\b(?:send|upload|forward|exfiltrate|transmit|leak)\b[^\n]{0,40}?\b(?:it|them|contents?|data|conversation|history|keys?|tokens?|credentials|secrets?|files?|results?|output|messages?|everything|information|details)\b[^\n]{0,20}?\bto\s{1,4}(?:the\s{1,4}(?:url|endpoint|server)\s{1,4})?https?:\/\/[^\s"'<>]{1,200}/gi,
    explain: "asks the model to send data to a URL",
    needs: ["http"],
  },
];

const TAG_EXPLAIN = "contains Unicode tag characters (U+E0000–U+E007F): invisible to people, read by models as text";

function excerpt(text: string, offset: number, length: number): string {
  const s = text.slice(offset, offset + Math.min(length, 60)).replace(/[^\x20-\x7e]/g, "?");
  return length > 60 ? `${s}…` : s;
}

function isFlagBase(text: string, i: number): boolean {
  // U+1F3F4 WAVING BLACK FLAG is \uD83C\uDFF4: the base of emoji tag sequences (subdivision flags).
  return i >= 2 && text.charCodeAt(i - 2) === 0xd83c && text.charCodeAt(i - 1) === 0xdff4;
}

/** Every signal in `text` (first MAX_SCANNED characters), in offset order, at most MAX_SIGNALS. */
export function scanAgentText(input: string, context: AgentTextContext = {}): Signal[] {
  const kinds = context.kinds ?? DEFAULT_KINDS;
  const what = context.what ?? "text";
  const text = input.length > MAX_SCANNED ? input.slice(0, MAX_SCANNED) : input;
  const out: Signal[] = [];
  const add = (kind: SignalKind, offset: number, length: number, explanation: string): void => {
    if (kinds.has(kind)) out.push({ kind, offset, length, explanation });
  };

  // One pass over the characters: invisible and control characters, whitespace runs.
  let ws = 0;
  /** Reports the whitespace run that ends at `end` when it is long enough. */
  const endRun = (end: number): void => {
    if (ws >= WHITESPACE_RUN) add("whitespace-run", end - ws, ws, `The ${what} has ${ws} whitespace characters in a row: text after them is out of view in most approval dialogs but still read by the model.`);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000) {
      ws++;
      continue;
    }
    endRun(i);
    ws = 0;
    if (c === 0xdb40 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdc7f) {
        const start = i;
        let flag = isFlagBase(text, i);
        while (i + 1 < text.length && text.charCodeAt(i) === 0xdb40 && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdc7f) {
          i += 2;
        }
        // A flag sequence is short and ends with CANCEL TAG (U+E007F = \uDB40\uDC7F).
        if (flag && (i - start > 16 || text.charCodeAt(i - 1) !== 0xdc7f)) flag = false;
        if (!flag) add("tag-characters", start, i - start, `The ${what} ${TAG_EXPLAIN} (${(i - start) / 2} of them).`);
        i--;
        continue;
      }
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      add("bidi-control", i, 1, `The ${what} contains the bidirectional control U+${c.toString(16).toUpperCase()}: what people see is not the order the model reads.`);
    } else if (isZeroWidth(c) && (c !== 0xfeff || i > 0)) {
      // U+FEFF at the very start is a byte order mark, not hidden text.
      let j = i;
      while (j + 1 < text.length && isZeroWidth(text.charCodeAt(j + 1))) j++;
      add("zero-width", i, j - i + 1, `The ${what} contains ${j - i + 1} zero-width character(s) (U+${c.toString(16).toUpperCase()}): invisible to people, read by the model.`);
      i = j;
    }
    if (out.length >= MAX_SIGNALS) break;
  }
  endRun(text.length);

  // HTML comments: indexOf scans, linear.
  if (kinds.has("html-comment")) {
    for (let from = 0, n = 0; n < MAX_SIGNALS; n++) {
      const start = text.indexOf("<!--", from);
      if (start < 0) break;
      const end = text.indexOf("-->", start + 4);
      const stop = end < 0 ? text.length : end + 3;
      add("html-comment", start, stop - start, `The ${what} contains an HTML comment: hidden when rendered, read by the model.`);
      from = stop;
    }
  }

  let lower: string | undefined;
  for (const p of PATTERNS) {
    if (!kinds.has(p.kind)) continue;
    lower ??= text.toLowerCase();
    if (!p.needs.some((n) => lower!.includes(n))) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text), n = 0; m !== null && n < MAX_SIGNALS; m = p.re.exec(text), n++) {
      const quoted = context.echo === false ? "" : ` ("${excerpt(text, m.index, m[0].length)}")`;
      add(p.kind, m.index, m[0].length, `The ${what} ${p.explain}${quoted}.`);
      if (m[0].length === 0) p.re.lastIndex++;
    }
  }

  out.sort((a, b) => a.offset - b.offset || a.kind.localeCompare(b.kind));
  return out.length > MAX_SIGNALS ? out.slice(0, MAX_SIGNALS) : out;
}

function isZeroWidth(c: number): boolean {
  return c === 0x200b || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0x180e;
}
