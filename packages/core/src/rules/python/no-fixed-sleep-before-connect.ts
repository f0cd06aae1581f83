import { noFixedSleepBeforeConnect as noFixedSleepBeforeConnectJs } from "../js/no-fixed-sleep-before-connect.js";
import type { JSONSchema } from "../types.js";
import { containsNode, enclosingFunction, keywordArg, methodName, methodObject, type PyFile } from "../../code/python/analysis.js";
import { ModuleNames } from "../../code/python/modules.js";
import type { Node } from "../../code/python/parser.js";
import type { PyRole } from "../../code/python/sdk-catalog.js";
import { definePythonRule } from "./types.js";

type MessageIds = "stdio" | "http" | "thread" | "removeWait";

const SLEEPS = ["time.sleep", "asyncio.sleep", "anyio.sleep", "trio.sleep"];
const SPAWNS = [
  "subprocess.Popen",
  "asyncio.create_subprocess_exec",
  "asyncio.create_subprocess_shell",
  "anyio.open_process",
  "multiprocessing.Process",
];
const STARTABLE = ["threading.Thread", "multiprocessing.Process"];
const CONNECT_ROLES: PyRole[] = ["stdio-client", "sse-client", "http-client", "ws-client", "client", "client-session", "session-group", "stdio-transport", "http-transport", "sse-transport"];
const SERVE_METHODS = new Set(["run", "run_async", "serve", "run_stdio_async", "run_sse_async", "run_streamable_http_async", "run_http_async"]);
const LOOPS = new Set(["for_statement", "while_statement"]);

/** Named sibling statements before / after `stmt`, comments skipped, at most `n`. */
function siblings(stmt: Node, n: number, dir: "before" | "after"): Node[] {
  const out: Node[] = [];
  for (let s = dir === "before" ? stmt.previousNamedSibling : stmt.nextNamedSibling; s && out.length < n; s = dir === "before" ? s.previousNamedSibling : s.nextNamedSibling) {
    if (s.type !== "comment") out.push(s);
  }
  return out;
}

/** Calls inside a statement, not inside nested function or class definitions. */
function callsIn(stmt: Node): Node[] {
  return stmt.descendantsOfType("call").filter((c): c is Node => !!c && !nestedDefinition(stmt, c));
}

function nestedDefinition(stmt: Node, node: Node): boolean {
  for (let n = node.parent; n && n.id !== stmt.id; n = n.parent) {
    if (n.type === "function_definition" || n.type === "class_definition" || n.type === "lambda") return true;
  }
  return false;
}

/** Inside a loop of the same function (a retry or polling loop), or in a tool/resource/prompt handler. */
function excluded(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (LOOPS.has(n.type)) return true;
    if (n.type === "function_definition") {
      const dec = n.parent?.type === "decorated_definition" ? n.parent : undefined;
      return !!dec?.namedChildren.some((d) => d?.type === "decorator" && /\.(?:tool|resource|prompt)\b/.test(d.text));
    }
  }
  return false;
}

export const noFixedSleepBeforeConnect = definePythonRule<MessageIds, { lookBehind?: number }>({
  meta: {
    id: "no-fixed-sleep-before-connect",
    description: "Do not wait a fixed time before connect(): rely on the transport, or retry with backoff",
    severity: "warning",
    recommended: true,
    hasSuggestions: true,
    messages: {
      stdio:
        "A fixed {{duration}} wait before {{connect}} is not needed: stdio_client starts the server process itself, and `await session.initialize()` returns only once that server answers. Remove the wait (and the server started by hand, which the client does not talk to).",
      http: "A fixed {{duration}} wait between starting the server and {{connect}} is a guess: too long on a fast machine, too short on a slow or busy one (the connect then fails with a ConnectError). Retry the connection with backoff, or poll the port or a health endpoint until it answers.",
      thread:
        "A fixed {{duration}} wait after starting {{target}} in a thread is no readiness check: the thread may not serve yet, or may already have died (an exception in a thread is only printed), and the code goes on as if it served. Wait for a real signal (a threading.Event the server sets, a connection retried with backoff), or serve in the main thread.",
      removeWait: "Remove the wait.",
    },
    // One id, one options schema for both languages: the JavaScript/TypeScript rule's.
    schema: noFixedSleepBeforeConnectJs.meta.schema as unknown as JSONSchema[],
    defaultOptions: (noFixedSleepBeforeConnectJs.meta.defaultOptions as Array<Record<string, unknown>>)[0]!,
  },
  check({ file, options, report }) {
    if (!/\bsleep\b/.test(file.text)) return;
    const window = options.lookBehind ?? 3;
    const modules = new ModuleNames(file, ["time", "asyncio", "anyio", "trio", "threading", "multiprocessing", "subprocess", "uvicorn"]);
    const sleeps = modules.calls(...SLEEPS);
    if (sleeps.length === 0) return;
    const connectCalls = new Set(file.callsOf(...CONNECT_ROLES).map((c) => c.node.id));
    const isConnect = (call: Node): boolean => connectCalls.has(call.id) || methodName(call.childForFieldName("function")) === "connect_to_server";

    /** A call constructing a Thread / Process (resolving `t` in `t.start()` through an assignment in the same scope). */
    const startable = (obj: Node | undefined, scope: Node): Node | undefined => {
      if (!obj) return undefined;
      if (obj.type === "call") return STARTABLE.includes(modules.callee(obj) ?? "") ? obj : undefined;
      if (obj.type !== "identifier" && obj.type !== "attribute") return undefined;
      for (const a of file.nodes("assignment")) {
        if (!containsNode(scope, a) || a.childForFieldName("left")?.text !== obj.text) continue;
        const right = a.childForFieldName("right");
        if (right?.type === "call" && STARTABLE.includes(modules.callee(right) ?? "")) return right;
      }
      return undefined;
    };

    /** What the thread's target serves, if it serves MCP: "stdio_server", "mcp.run", "run_server()". */
    const servedTarget = (ctor: Node): string | undefined => {
      const target = keywordArg(ctor, "target");
      if (!target) return undefined;
      if (file.referencesOf("stdio-server").some((r) => r.id === target.id)) return target.text;
      const serves = (call: Node): boolean => {
        const callee = call.childForFieldName("function");
        if (file.callsOf("stdio-server").some((c) => c.node.id === call.id)) return true;
        if (modules.callee(call) === "uvicorn.run") return true;
        return SERVE_METHODS.has(methodName(callee) ?? "") && !!file.bindingOf(methodObject(callee), "server", "lowlevel-server");
      };
      if (target.type === "attribute" && SERVE_METHODS.has(methodName(target) ?? "") && file.bindingOf(methodObject(target), "server", "lowlevel-server")) return target.text;
      if (target.type === "lambda") return file.nodes("call").some((c) => containsNode(target, c) && serves(c)) ? "a lambda that serves MCP" : undefined;
      if (target.type === "identifier") {
        const def = file.nodes("function_definition").find((d) => d.childForFieldName("name")?.text === target.text);
        if (def && file.nodes("call").some((c) => containsNode(def, c) && serves(c))) return `${target.text}()`;
      }
      return undefined;
    };

    for (const sleep of sleeps) {
      let stmt: Node | null = sleep.parent;
      if (stmt?.type === "await") stmt = stmt.parent;
      if (stmt?.type !== "expression_statement" || excluded(stmt)) continue;
      const arg = sleep.childForFieldName("arguments")?.namedChildren.find((a) => a && a.type !== "comment");
      if (!arg || /^0+(?:\.0*)?$/.test(arg.text)) continue; // sleep(0) yields to the loop, it does not wait
      const duration = arg.type === "integer" || arg.type === "float" ? `${arg.text} s` : "time";
      const scope = enclosingFunction(stmt) ?? file.root;

      // What started before the wait.
      let started: "spawn" | { target: string } | "thread" | undefined;
      for (const prev of siblings(stmt, window, "before")) {
        const calls = callsIn(prev);
        // A connection made after the start: this wait is not between starting the server and connecting to it.
        if (calls.some((c) => isConnect(c))) break;
        for (const call of calls) {
          const q = modules.callee(call);
          if (q && SPAWNS.includes(q) && q !== "multiprocessing.Process") started ??= "spawn";
          if (methodName(call.childForFieldName("function")) === "start") {
            const ctor = startable(methodObject(call.childForFieldName("function")), scope);
            if (ctor) {
              const target = servedTarget(ctor);
              if (target) started = { target };
              else started ??= "thread";
            }
          }
        }
        if (started) break;
      }
      if (!started) continue;

      // What connects after it.
      let connect: Node | undefined;
      for (const next of siblings(stmt, window, "after")) {
        for (const call of callsIn(next)) {
          if (isConnect(call)) {
            connect = call;
            break;
          }
        }
        if (connect) break;
      }
      const node = stmt.firstNamedChild ?? stmt;
      if (connect) {
        const symbol = file.sdkCalls.find((c) => c.node.id === connect!.id)?.symbol;
        const name = symbol?.short ?? "connect_to_server";
        const stdio = symbol?.role === "stdio-client" || symbol?.role === "stdio-params" || symbol?.role === "stdio-transport";
        if (stdio) {
          report({ messageId: "stdio", data: { duration, connect: `${name}()` }, node, suggestions: removal(file, stmt) });
        } else {
          report({ messageId: "http", data: { duration, connect: `connecting (${name}())` }, node });
        }
      } else if (typeof started === "object") {
        report({ messageId: "thread", data: { duration, target: started.target }, node });
      }
    }
  },
});

/** Removing a statement that stands alone on its line(s). */
function removal(file: PyFile, stmt: Node): Array<{ desc: string; fix: { range: [number, number]; text: string } }> {
  const text = file.text;
  const lineStart = text.lastIndexOf("\n", stmt.startIndex - 1) + 1;
  let lineEnd = text.indexOf("\n", stmt.endIndex);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  if (text.slice(lineStart, stmt.startIndex).trim() !== "" || text.slice(stmt.endIndex, lineEnd).trim() !== "") return [];
  return [{ desc: "Remove the wait.", fix: { range: [lineStart, lineEnd], text: "" } }];
}
