import { enclosingFunction, isAsyncFunction, methodName, methodObject, moduleImports, qualifyChain, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import { decoratedHandlers, receiverAt, receiversOf } from "../../code/python/receivers.js";
import { PY_HANDLER_DECORATORS } from "../../code/python/sdk-catalog.js";
import { definePythonRule } from "./types.js";

type MessageIds = "blocking";

const SLEEP = "Use `await asyncio.sleep(...)` (or `await anyio.sleep(...)`).";
const HTTP = "Use an async HTTP client (`httpx.AsyncClient`, aiohttp) or run the call off the loop: `await asyncio.to_thread(...)`.";
const PROCESS = "Use `await asyncio.create_subprocess_exec(...)` or run the call off the loop: `await asyncio.to_thread(...)`.";

/** Blocking calls of the standard library and the common sync HTTP clients, by qualified name, with what to use instead. */
const BLOCKING = new Map<string, string>([
  ["time.sleep", SLEEP],
  ...["get", "post", "put", "patch", "delete", "head", "options", "request"].flatMap((m): Array<[string, string]> => [
    [`requests.${m}`, HTTP],
    [`httpx.${m}`, HTTP],
  ]),
  ["urllib.request.urlopen", HTTP],
  ["subprocess.run", PROCESS],
  ["subprocess.call", PROCESS],
  ["subprocess.check_call", PROCESS],
  ["subprocess.check_output", PROCESS],
  ["os.system", PROCESS],
]);
const MODULES = new Set(["time", "requests", "httpx", "urllib", "urllib.request", "subprocess", "os"]);

/** Helpers followed from one handler (awaited local async functions, transitively). */
const MAX_HELPERS = 64;

/** Some call of the file is a blocking one, by its callee's text (`time.sleep`, `sleep` after `from time import sleep`). */
function anyBlockingCall(file: PyFile, names: Map<string, string>): boolean {
  for (const c of file.calls) {
    const parts = c.calleeText.split(".");
    const base = names.get(parts[0]!);
    if (base !== undefined && BLOCKING.has([base, ...parts.slice(1)].join("."))) return true;
  }
  return false;
}

function qualify(names: Map<string, string>, expr: Node | null | undefined): string | undefined {
  return qualifyChain(expr, (name) => names.get(name), 8);
}

interface Handler {
  fn: Node;
  /** `tool`, `call_tool`, `resource` ... */
  kind: string;
}

export const noBlockingCallInAsyncHandler = definePythonRule<MessageIds>({
  meta: {
    id: "no-blocking-call-in-async-handler",
    description: "No blocking call (time.sleep, requests, subprocess.run, urlopen) inside an async MCP handler: it stalls the whole server",
    severity: "warning",
    recommended: true,
    messages: {
      blocking:
        "{{call}}() blocks the event loop inside the async {{kind}} handler `{{handler}}`{{via}}: while it runs, the server handles nothing else (other requests, pings, cancellation). {{instead}}",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    const imports = moduleImports(file, MODULES);
    if (imports.size === 0 || !anyBlockingCall(file, imports)) return;
    const servers = receiversOf(file, "server", "lowlevel-server");
    if (servers.length === 0) return;

    const asyncDefs = new Map<string, Node[]>();
    // Plain `def`s without decorators (a decorator may hand the body to a thread): called directly, they run on the loop.
    const syncDefs = new Map<string, Node[]>();
    for (const fn of file.nodes("function_definition")) {
      const name = fn.childForFieldName("name")?.text;
      if (!name) continue;
      if (isAsyncFunction(fn)) asyncDefs.set(name, [...(asyncDefs.get(name) ?? []), fn]);
      else if (fn.parent?.type !== "decorated_definition") syncDefs.set(name, [...(syncDefs.get(name) ?? []), fn]);
    }

    // Handlers: @server.tool() / @server.call_tool() ..., server.add_tool(fn), Server(..., on_call_tool=fn).
    const handlers: Handler[] = [];
    for (const { fn, method } of decoratedHandlers(file, servers, PY_HANDLER_DECORATORS)) if (isAsyncFunction(fn)) handlers.push({ fn, kind: method });
    for (const call of file.nodes("call")) {
      const callee = call.childForFieldName("function");
      const method = methodName(callee);
      const args = call.childForFieldName("arguments");
      if (!args) continue;
      if ((method === "add_tool" || method === "add_prompt") && receiverAt(servers, methodObject(callee))) {
        const first = args.namedChildren[0];
        if (first?.type === "identifier") for (const fn of asyncDefs.get(first.text) ?? []) handlers.push({ fn, kind: method === "add_tool" ? "tool" : "prompt" });
      }
      if (file.sdkCalls.some((s) => s.node.id === call.id && s.symbol.role === "lowlevel-server")) {
        for (const a of args.namedChildren) {
          if (a?.type !== "keyword_argument") continue;
          const key = a.childForFieldName("name")?.text ?? "";
          const value = a.childForFieldName("value");
          if (!key.startsWith("on_") || value?.type !== "identifier") continue;
          for (const fn of asyncDefs.get(value.text) ?? []) handlers.push({ fn, kind: key.slice(3) });
        }
      }
    }
    if (handlers.length === 0) return;

    // Blocking calls, by the function they are directly in.
    const blockingByFn = new Map<number, Array<{ call: Node; name: string; instead: string }>>();
    const awaitedByFn = new Map<number, Node[]>();
    const calledByFn = new Map<number, Node[]>();
    for (const call of file.nodes("call")) {
      const callee = call.childForFieldName("function");
      const fn = enclosingFunction(call);
      if (!fn) continue;
      const q = qualify(imports, callee);
      const instead = q === undefined ? undefined : BLOCKING.get(q);
      if (instead !== undefined) blockingByFn.set(fn.id, [...(blockingByFn.get(fn.id) ?? []), { call, name: callee!.text, instead }]);
      if (call.parent?.type === "await") awaitedByFn.set(fn.id, [...(awaitedByFn.get(fn.id) ?? []), call]);
      else calledByFn.set(fn.id, [...(calledByFn.get(fn.id) ?? []), call]);
    }

    /** A local function a call names: `helper(...)` (not a method), `self.helper(...)` (a method of the same class). */
    function localTargets(fn: Node, call: Node, defs: Map<string, Node[]>): Node[] {
      const callee = call.childForFieldName("function");
      if (callee?.type === "identifier") return (defs.get(callee.text) ?? []).filter((h) => !isMethod(h));
      if (methodObject(callee)?.text !== "self") return [];
      const cls = outerClassOf(fn);
      return (defs.get(methodName(callee)!) ?? []).filter((h) => cls && classOf(h)?.id === cls.id);
    }

    /**
     * The local functions whose bodies run on the loop when `fn` runs: async functions it awaits and
     * plain functions it calls directly (not handed to a thread: `to_thread(helper)` does not call it).
     */
    function helpersOf(fn: Node): Array<{ fn: Node; how: string }> {
      const out: Array<{ fn: Node; how: string }> = [];
      for (const call of awaitedByFn.get(fn.id) ?? []) for (const h of localTargets(fn, call, asyncDefs)) out.push({ fn: h, how: "awaits" });
      for (const call of calledByFn.get(fn.id) ?? []) for (const h of localTargets(fn, call, syncDefs)) out.push({ fn: h, how: "calls" });
      return out;
    }

    const reported = new Set<number>();
    for (const h of handlers) {
      const handlerName = h.fn.childForFieldName("name")?.text ?? "";
      const seen = new Set<number>([h.fn.id]);
      const queue: Array<{ fn: Node; via: string; path: string[] }> = [{ fn: h.fn, via: "", path: [] }];
      while (queue.length > 0) {
        const { fn, via, path } = queue.shift()!;
        for (const b of blockingByFn.get(fn.id) ?? []) {
          if (reported.has(b.call.id)) continue;
          reported.add(b.call.id);
          report({ messageId: "blocking", data: { call: b.name, kind: h.kind, handler: handlerName, via, instead: b.instead }, node: b.call });
        }
        for (const next of helpersOf(fn)) {
          if (seen.has(next.fn.id) || seen.size >= MAX_HELPERS) continue;
          seen.add(next.fn.id);
          const name = next.fn.childForFieldName("name")?.text ?? "";
          const through = path.length === 0 ? `which it ${next.how}` : `reached through ${path.map((p) => `\`${p}\``).join(", ")}`;
          queue.push({ fn: next.fn, via: ` (in \`${name}\`, ${through})`, path: [...path, name] });
        }
      }
    }
  },
});

/** The class `fn` is a method of (directly in its body). */
function classOf(fn: Node): Node | undefined {
  for (let n = fn.parent; n; n = n.parent) {
    if (n.type === "class_definition") return n;
    if (n.type === "function_definition") return undefined;
  }
  return undefined;
}

/** The class `self` belongs to in `fn` (a method, or a function nested in one). */
function outerClassOf(fn: Node): Node | undefined {
  for (let n = fn.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return undefined;
}

function isMethod(fn: Node): boolean {
  return classOf(fn) !== undefined;
}
