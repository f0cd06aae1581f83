import { containsNode, enclosingFunction, keywordArg, positionalArgs, stringValue, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import type { Fix } from "../../model/finding.js";
import { definePythonRule } from "./types.js";

type MessageIds = "print" | "stdoutWrite" | "loggingStdout" | "richConsole" | "clickEcho" | "useStderr";

/** Where stdio serving starts, and whether it surely is stdio (false: the transport comes from a variable). */
interface Marker {
  node: Node;
  sure: boolean;
  /** Offset where serving has ended when control gets past it (a blocking run(), the end of `async with stdio_server()`); undefined when serving does not block here. */
  servedUntil?: number;
}

const HTTP_TRANSPORTS = new Set(["sse", "streamable-http", "http", "streamable_http"]);

/** `.run()` / `.run_async()` of a high-level server with the stdio transport (default), `run_stdio_async()`, `async with stdio_server()`. */
function stdioMarkers(file: PyFile): Marker[] {
  const out: Marker[] = [];
  const servers = new Set(file.bindingsOf("server").map((b) => b.target));
  if (servers.size > 0) {
    for (const c of file.calls) {
      const dot = c.calleeText.lastIndexOf(".");
      if (dot < 0 || !servers.has(c.calleeText.slice(0, dot).replace(/\s+/g, ""))) continue;
      const m = c.calleeText.slice(dot + 1).trim();
      if (m !== "run" && m !== "run_async" && m !== "run_stdio_async") continue;
      const call = c.node;
      // A task or thread that serves (`create_task(mcp.run_stdio_async())`) does not block the code after it.
      const servedUntil = call.parent?.type === "expression_statement" || call.parent?.type === "await" ? call.endIndex : undefined;
      if (m === "run_stdio_async") {
        out.push({ node: call, sure: true, servedUntil });
        continue;
      }
      const transport = keywordArg(call, "transport") ?? positionalArgs(call)[0];
      if (!transport || transport.type === "none") out.push({ node: call, sure: true, servedUntil });
      else {
        const literal = stringValue(transport);
        if (literal === "stdio") out.push({ node: call, sure: true, servedUntil });
        else if (literal === undefined) out.push({ node: call, sure: false, servedUntil });
      }
    }
  }
  // `async with stdio_server()`, and also stdio_server misused (passed to a thread): the module means to serve stdio.
  for (const ref of file.referencesOf("stdio-server")) {
    const call = ref.parent?.type === "call" ? ref.parent : undefined;
    let withStatement: Node | null | undefined = call?.parent?.type === "as_pattern" ? call.parent.parent : call?.parent;
    withStatement = withStatement?.type === "with_item" ? withStatement.parent?.parent : undefined;
    out.push({ node: call ?? ref, sure: true, servedUntil: withStatement?.type === "with_statement" ? withStatement.endIndex : undefined });
  }
  return out;
}

/**
 * Where an HTTP transport is set up: the low-level HTTP transports, a session manager run or request handler, the
 * ASGI apps of a high-level server, uvicorn, and run() with an HTTP transport literal.
 */
function httpMarkers(file: PyFile): Node[] {
  const out: Node[] = file.callsOf("sse-server-transport", "http-session-manager").map((c) => c.node);
  for (const c of file.calls) {
    const text = c.calleeText;
    if (/^uvicorn\.run$|\.(?:sse_app|streamable_http_app|http_app|handle_request|connect_sse|handle_post_message)$|(?:^|\.)session_manager\.run$/.test(text)) {
      out.push(c.node);
      continue;
    }
    if (/\.run(?:_async)?$/.test(text)) {
      const transport = stringValue(keywordArg(c.node, "transport") ?? positionalArgs(c.node)[0]);
      if (transport !== undefined && HTTP_TRANSPORTS.has(transport)) out.push(c.node);
    }
  }
  return out;
}

/** Callee texts of the writes this rule looks at. */
const WRITER = /^(?:print|sys\.(?:__)?stdout(?:__)?\.(?:write|writelines)|logging\.basicConfig|logging\.StreamHandler|StreamHandler|Console|rich\.console\.Console|click\.echo)$/;

const EXITS = new Set(["sys.exit", "exit", "quit", "os._exit", "sys._exit"]);

/**
 * The statement after `stmt` in its block ends the process (`--help` / `--version` paths), or returns from the
 * function that would start serving (`returnEnds`: the server is then never started).
 */
function exitsRightAfter(stmt: Node, returnEnds: boolean): boolean {
  for (let next = stmt.nextNamedSibling; next; next = next.nextNamedSibling) {
    if (next.type === "comment") continue;
    if (next.type === "return_statement") return returnEnds;
    if (next.type === "raise_statement") return /^raise\s+SystemExit\b/.test(next.text);
    if (next.type === "expression_statement") {
      const e = next.firstNamedChild;
      if (e?.type === "call" && EXITS.has(e.childForFieldName("function")?.text ?? "")) return true;
      // Other output right before the exit (several lines of usage text).
      if (e?.type === "call" && /^(print|sys\.stdout\.write)$/.test(e.childForFieldName("function")?.text ?? "")) continue;
    }
    return false;
  }
  return false;
}

/** The statement (child of a block or the module) holding `node`. */
function statementOf(node: Node): Node | undefined {
  let n: Node | null = node;
  while (n && n.parent && n.parent.type !== "block" && n.parent.type !== "module") n = n.parent;
  return n?.parent ? n : undefined;
}

/** An if/elif/else branch or match case around `w` that another transport runs (no stdio marker in it, one beside it). */
function inOtherModeBranch(w: Node, markers: Marker[]): boolean {
  for (let n = w.parent; n; n = n.parent) {
    if (n.type !== "block") continue;
    const branch = n.parent;
    if (!branch) continue;
    const isBranch = branch.type === "if_statement" || branch.type === "elif_clause" || branch.type === "else_clause" || branch.type === "case_clause";
    if (!isBranch) continue;
    let whole: Node | null = branch;
    while (whole && whole.type !== "if_statement" && whole.type !== "match_statement") whole = whole.parent;
    if (!whole) continue;
    const inBranch = markers.some((m) => containsNode(n!, m.node));
    if (inBranch) return false;
    if (markers.some((m) => containsNode(whole!, m.node))) return true;
    // A branch whose condition names an HTTP transport (`if transport == "sse":`).
    const condition = branch.childForFieldName("condition") ?? branch.childForFieldName("pattern");
    if (condition && condition.descendantsOfType("string").some((s) => HTTP_TRANSPORTS.has(stringValue(s)?.toLowerCase() ?? ""))) return true;
  }
  return false;
}

function isStdout(node: Node | undefined): boolean {
  return node !== undefined && /^sys\.(?:__)?stdout(?:__)?$/.test(node.text);
}

export const noStdoutInStdioServer = definePythonRule<MessageIds>({
  meta: {
    id: "no-stdout-in-stdio-server",
    description: "A stdio MCP server must not write to stdout: it is the JSON-RPC channel",
    severity: "error",
    recommended: true,
    hasSuggestions: true,
    messages: {
      print:
        "print() writes to stdout, the JSON-RPC channel of this stdio server: the client reads a line that is not JSON-RPC (Claude Desktop: \"Unexpected token … is not valid JSON\"; the Python client: \"Failed to parse JSONRPC message from server\"). Print to stderr: print(..., file=sys.stderr).{{line}}",
      stdoutWrite:
        "sys.stdout.{{method}}() writes into the JSON-RPC channel of this stdio server; a partial line corrupts the next message. Write to sys.stderr instead.{{line}}",
      loggingStdout:
        "This logging handler writes to sys.stdout, the JSON-RPC channel of this stdio server: every log line corrupts the stream. Log to stderr (the default of logging.basicConfig() and StreamHandler()).{{line}}",
      richConsole:
        "rich Console() prints to stdout by default, the JSON-RPC channel of this stdio server. Use Console(stderr=True).{{line}}",
      clickEcho: "click.echo() writes to stdout, the JSON-RPC channel of this stdio server. Use click.echo(..., err=True).{{line}}",
      useStderr: "Print to stderr instead (file=sys.stderr).",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    const markers = stdioMarkers(file);
    if (markers.length === 0) return;
    // mcp 2.x points fd 1 at stderr while serving: only what runs before serving (module level, the serving
    // function before the run call) corrupts the stream there. fastmcp and mcp.server.fastmcp run on mcp 1.x.
    const v2 = file.lines.has("mcp2") && !file.lines.has("mcp1") && !file.lines.has("fastmcp");
    const unknownLine = !v2 && !file.lines.has("mcp1") && !file.lines.has("fastmcp");
    const lineNote = unknownLine
      ? " (mcp 1.x; mcp 2.x redirects stdout while serving, so there only output before serving corrupts the stream)"
      : "";
    const http = httpMarkers(file);
    const markerFunctions = new Set(markers.map((m) => enclosingFunction(m.node)?.id ?? -1));
    const hasSys = /^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*sys\b/m.test(file.text);
    // (`includes` first: a line-anchored regex tries every line, `includes` skips texts that cannot match.)
    const localPrint = file.text.includes("def") && /^[ \t]*(?:async[ \t]+)?def[ \t]+print[ \t]*\(/m.test(file.text);
    const richConsole = file.text.includes("rich") && /^[ \t]*from[ \t]+rich(?:\.console)?[ \t]+import[^\n]*\bConsole\b/m.test(file.text);

    // A function nothing calls (its name appears only in its `def`, comments aside) never writes anything.
    const unreferenced = new Map<number, boolean>();
    const isUnreferenced = (fn: Node): boolean => {
      let known = unreferenced.get(fn.id);
      if (known === undefined) {
        const name = fn.childForFieldName("name")?.text ?? "";
        const decorated = fn.parent?.type === "decorated_definition";
        let mentions = 0;
        if (name && !decorated) {
          for (const m of file.text.matchAll(new RegExp(`(?<!\\w)${name}(?!\\w)`, "g"))) {
            if (!file.nodes("comment").some((c) => c.startIndex <= m.index && m.index < c.endIndex) && ++mentions > 1) break;
          }
        }
        known = name !== "" && !decorated && mentions === 1;
        unreferenced.set(fn.id, known);
      }
      return known;
    };

    const exempt = (w: Node): boolean => {
      const fn = enclosingFunction(w);
      if (fn && isUnreferenced(fn)) return true;
      const fnId = fn?.id ?? -1;
      // After serving ends (same function, after the run call): the client is gone.
      if (markers.some((m) => m.servedUntil !== undefined && (enclosingFunction(m.node)?.id ?? -1) === fnId && w.startIndex >= m.servedUntil)) return true;
      if (v2 && !markerFunctions.has(fnId)) return true;
      const stmt = statementOf(w);
      if (stmt && exitsRightAfter(stmt, markerFunctions.has(fnId))) return true;
      if (inOtherModeBranch(w, markers)) return true;
      // The nearest function around it that sets up a transport decides: one that sets up only HTTP (an ASGI app
      // factory, its lifespan) does not write to the stdio channel.
      for (let f = enclosingFunction(w); f; f = enclosingFunction(f)) {
        const hasStdio = markers.some((m) => containsNode(f!, m.node));
        if (hasStdio) return false;
        if (http.some((h) => containsNode(f!, h))) return true;
      }
      return false;
    };

    for (const site of file.calls) {
      const text = site.calleeText;
      // The node only for the calls that may write to stdout (resolving one is a call into the tree).
      if (!WRITER.test(text)) continue;
      const call = site.node;
      if (text === "print" && !localPrint) {
        const target = keywordArg(call, "file");
        if (target && !isStdout(target)) continue;
        if (exempt(call)) continue;
        const suggestions: Array<{ desc: string; fix: Fix }> = [];
        const args = site.args;
        if (hasSys && !target && args.type === "argument_list") {
          const close = args.endIndex - 1;
          const empty = args.namedChildren.length === 0;
          const trailingComma = /,\s*$/.test(file.text.slice(args.startIndex + 1, close));
          suggestions.push({ desc: "Print to stderr instead (file=sys.stderr).", fix: { range: [close, close], text: empty || trailingComma ? "file=sys.stderr" : ", file=sys.stderr" } });
        }
        report({ messageId: "print", data: { line: lineNote }, node: site.callee, suggestions });
      } else if (/^sys\.(?:__)?stdout(?:__)?\.(write|writelines)$/.test(text)) {
        if (exempt(call)) continue;
        report({ messageId: "stdoutWrite", data: { method: text.slice(text.lastIndexOf(".") + 1), line: lineNote }, node: site.callee });
      } else if (text === "logging.basicConfig" || text === "logging.StreamHandler" || text === "StreamHandler") {
        const stream = keywordArg(call, "stream") ?? (text === "logging.basicConfig" ? undefined : positionalArgs(call)[0]);
        if (!isStdout(stream) || exempt(call)) continue;
        report({ messageId: "loggingStdout", data: { line: lineNote }, node: stream! });
      } else if (richConsole && (text === "Console" || text === "rich.console.Console")) {
        const stderr = keywordArg(call, "stderr");
        if (keywordArg(call, "file") || (stderr && stderr.text !== "False") || exempt(call)) continue;
        report({ messageId: "richConsole", data: { line: lineNote }, node: call });
      } else if (text === "click.echo") {
        if (keywordArg(call, "err")?.text === "True" || keywordArg(call, "file") || exempt(call)) continue;
        report({ messageId: "clickEcho", data: { line: lineNote }, node: site.callee });
      }
    }
  },
});
