import { noRawSocketTransport as noRawSocketTransportJs } from "../js/no-raw-socket-transport.js";
import type { JSONSchema } from "../types.js";
import { MCP_WIRE_METHODS } from "../../code/js/prefilter.js";
import { containsNode, enclosingFunction, isModuleLevel, stringValue, type PyFile } from "../../code/python/analysis.js";
import { ModuleNames } from "../../code/python/modules.js";
import type { Node } from "../../code/python/parser.js";
import { definePythonRule } from "./types.js";

type MessageIds = "rawSocket";

/** Socket APIs (dotted names after import resolution) and what the message calls them. */
const SOCKET_APIS = new Map([
  ["socket.socket", "socket.socket"],
  ["socket.create_connection", "socket.create_connection"],
  ["socket.create_server", "socket.create_server"],
  ["asyncio.open_connection", "asyncio.open_connection"],
  ["asyncio.start_server", "asyncio.start_server"],
]);

/** JSON-RPC methods only MCP uses (LSP also has "initialize", so it counts only without LSP markers): the JS rule's list. */
const MCP_METHODS = new Set(MCP_WIRE_METHODS.filter((m) => m !== "initialize"));
/** Cheap text test before the tree walk: an MCP method name in quotes, or a JSON "method" key. */
const MCP_METHOD_TEXT = /["'](?:initialize|notifications\/initialized|tools\/(?:list|call)|resources\/(?:list|read|templates\/list)|prompts\/(?:list|get))["']|"method"\s*:/;
const JSON_METHOD = /"method"\s*:\s*"([a-z/_]+)"/gi;
const LSP_MARKERS = /\b(rootUri|processId|textDocument\/|workspaceFolders)\b/;

/** Nodes that write or match an MCP JSON-RPC method: `{"method": "tools/call"}`, `msg["method"] == "initialize"`, JSON text. */
function mcpPayloads(file: PyFile): Node[] {
  if (!MCP_METHOD_TEXT.test(file.text)) return [];
  const lsp = LSP_MARKERS.test(file.text);
  const isMcp = (m: string | undefined): boolean => m !== undefined && (MCP_METHODS.has(m) || (m === "initialize" && !lsp));
  const out: Node[] = [];
  for (const s of file.root.descendantsOfType(["pair", "comparison_operator", "string"])) {
    if (!s) continue;
    if (s.type === "pair") {
      if (stringValue(s.childForFieldName("key")) === "method" && isMcp(stringValue(s.childForFieldName("value")))) out.push(s);
    } else if (s.type === "comparison_operator") {
      if (!/\bmethod\b/.test(s.text)) continue;
      if (s.namedChildren.some((c) => isMcp(stringValue(c)))) out.push(s);
    } else {
      const v = stringValue(s);
      if (v?.includes('"method"')) for (const m of v.matchAll(JSON_METHOD)) if (isMcp(m[1])) out.push(s);
    }
  }
  return out;
}

/** The class around a node (its payload must be written by the same class), else undefined: the whole module. */
function scopeOf(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return undefined;
}

/** A function decorated as an MCP tool / resource / prompt (`@mcp.tool()`): it talks to an application, not to an MCP peer. */
function insideHandler(node: Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const dec = fn.parent?.type === "decorated_definition" ? fn.parent : undefined;
    if (dec?.namedChildren.some((d) => d?.type === "decorator" && /\.(?:tool|resource|prompt)\b/.test(d.text))) return true;
  }
  return false;
}

/** `s.bind((host, 0))` in the same function: the socket only finds a free port. */
function findsFreePort(file: PyFile, call: Node): boolean {
  const fn = enclosingFunction(call);
  for (const c of file.nodes("call")) {
    if (fn ? !containsNode(fn, c) : !isModuleLevel(c)) continue;
    const callee = c.childForFieldName("function");
    if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "bind") continue;
    const args = c.childForFieldName("arguments")?.text.replace(/\s+/g, "") ?? "";
    if (/,0\)\)$/.test(args)) return true;
  }
  return false;
}

export const noRawSocketTransport = definePythonRule<MessageIds, { reportInSdkModules?: boolean }>({
  meta: {
    id: "no-raw-socket-transport",
    description: "MCP has no raw TCP/UDP transport: do not speak MCP JSON-RPC over a net/tls/dgram socket",
    severity: "warning",
    recommended: true,
    messages: {
      rawSocket:
        "This code writes MCP JSON-RPC and opens a raw socket ({{api}}), but MCP has no TCP transport: a standard server answers only on stdio (newline-delimited JSON) or Streamable HTTP. Use the SDK's stdio_client / streamable_http_client (or fastmcp's Client), or serve with mcp.run().",
    },
    // One id, one options schema for both languages: the JavaScript/TypeScript rule's.
    schema: noRawSocketTransportJs.meta.schema as unknown as JSONSchema[],
    defaultOptions: (noRawSocketTransportJs.meta.defaultOptions as Array<Record<string, unknown>>)[0]!,
  },
  check({ file, options, report }) {
    const t = file.text;
    if (!(t.includes("socket") || t.includes("open_connection") || t.includes("start_server"))) return;
    if (!/\b(?:socket|open_connection|start_server)\b/.test(t)) return;
    const modules = new ModuleNames(file, ["socket", "asyncio"]);
    const calls = modules.calls(...SOCKET_APIS.keys());
    if (calls.length === 0) return;
    const payloads = options.reportInSdkModules ? [] : mcpPayloads(file);
    if (!options.reportInSdkModules && payloads.length === 0) return;
    for (const call of calls) {
      if (insideHandler(call) || findsFreePort(file, call)) continue;
      if (!options.reportInSdkModules) {
        const scope = scopeOf(call);
        if (scope && !payloads.some((p) => containsNode(scope, p))) continue;
      }
      report({ messageId: "rawSocket", data: { api: SOCKET_APIS.get(modules.callee(call)!)! }, node: call });
    }
  },
});
