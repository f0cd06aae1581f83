/**
 * Which source files the code pass parses at all, decided from the text alone.
 *
 * Every code rule but one returns early unless the file imports an MCP SDK module
 * (`sdkFile()` is undefined without one); no-raw-socket-transport also fires on a
 * module that imports net/tls/dgram and writes an MCP JSON-RPC method. So a file is
 * parsed only when its text shows one of these, and the test errs on the side of
 * parsing: a file it lets through is parsed and the rules decide exactly; a file it
 * skips cannot get a finding from any rule.
 */

/** JSON-RPC methods the raw-socket rule counts as MCP ("initialize" only without LSP markers, which the rule checks). */
export const MCP_WIRE_METHODS: readonly string[] = [
  "initialize",
  "notifications/initialized",
  "tools/list",
  "tools/call",
  "resources/list",
  "resources/read",
  "resources/templates/list",
  "prompts/list",
  "prompts/get",
];

const SDK_PREFIX = "@modelcontextprotocol/";
/** A string literal naming a socket module, as `import`/`require` of it would have to spell it. */
const SOCKET_MODULE_LITERAL = /["'`](?:node:)?(?:net|tls|dgram)["'`]/;
const IMPORT_KEYWORD = /(?:^|[^\w$.])(?:from|import|require)$/;

/**
 * Does the text import or require an MCP SDK package (`@modelcontextprotocol/...`)?
 * An occurrence counts when it opens a string literal that follows `from`, `import`,
 * `import(`, `require(` (spaces, parentheses and block comments in between allowed)
 * and its line is not a comment line (`//` or a JSDoc ` * ` line: usage examples in
 * documentation comments are not imports).
 */
export function importsMcpSdk(text: string): boolean {
  let at = text.indexOf(SDK_PREFIX);
  while (at >= 0) {
    if (at > 0 && isQuote(text.charCodeAt(at - 1)) && followsImportKeyword(text, at - 1) && !onCommentLine(text, at)) return true;
    at = text.indexOf(SDK_PREFIX, at + SDK_PREFIX.length);
  }
  return false;
}

/**
 * An MCP method in quotes, as the raw-socket rule finds it: a string literal (`"tools/call"`), or JSON inside one
 * (`'{"method":"tools/call"}'`, `"{\\"method\\":\\"tools/call\\"}"`). "uninitialized" does not count.
 */
const QUOTED_METHOD = new RegExp(`["'\`](?:${MCP_WIRE_METHODS.map((m) => m.replace(/\//g, "\\/")).join("|")})["'\`\\\\]`);

/** Could the raw-socket rule fire without an SDK import: a socket module named in a string and an MCP method written? */
export function mayWriteMcpOverSocket(text: string): boolean {
  return SOCKET_MODULE_LITERAL.test(text) && QUOTED_METHOD.test(text);
}

/** The code pass's prefilter: can any code rule report in this text? */
export function mightBeMcpCode(text: string): boolean {
  return importsMcpSdk(text) || mayWriteMcpOverSocket(text);
}

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96; // " ' `
}

/** Is the keyword before `quoteAt` (skipping whitespace, "(" and block comments) from/import/require? */
function followsImportKeyword(text: string, quoteAt: number): boolean {
  let i = quoteAt - 1;
  // Bounded: each step moves left; comments are jumped over whole.
  for (let steps = 0; i >= 0 && steps < 64; steps++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 40 /* ( */) {
      i--;
      continue;
    }
    if (c === 47 /* / */ && i > 0 && text.charCodeAt(i - 1) === 42 /* * */) {
      const open = text.lastIndexOf("/*", i - 2);
      if (open < 0) return false;
      i = open - 1;
      continue;
    }
    break;
  }
  if (i < 0) return false;
  return IMPORT_KEYWORD.test(text.slice(Math.max(0, i - 8), i + 1));
}

/** Is the line of `at` a `//` comment line or a JSDoc continuation line (` * ...`)? */
function onCommentLine(text: string, at: number): boolean {
  const start = Math.max(text.lastIndexOf("\n", at), text.lastIndexOf("\r", at)) + 1;
  let i = start;
  while (i < at && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  if (c === 42 /* * */) return text.charCodeAt(i + 1) !== 47; // "* ..." but not "*/"
  return c === 47 && text.charCodeAt(i + 1) === 47;
}
