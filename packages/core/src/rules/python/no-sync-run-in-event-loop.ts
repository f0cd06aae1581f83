import { enclosingFunction, isAsyncFunction, keywordArg, methodName, methodObject, positionalArgs, stringValue, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import type { PySymbol } from "../../code/python/sdk-catalog.js";
import { serverOf } from "./mcp-api-mismatch.js";
import { definePythonRule } from "./types.js";

type MessageIds = "syncRunInAsync" | "syncRunViaHelper" | "runResultToAsyncioRun" | "runPassedToLoop";

/**
 * `FastMCP.run()` (mcp 1.x), `MCPServer.run()` (mcp 2.x) and fastmcp's `FastMCP.run()` (2.x, 3.x) are synchronous:
 * each calls `anyio.run(...)`, which raises RuntimeError("Already running asyncio in this thread") when an event
 * loop already runs in the thread. Their async twins are awaited instead.
 */
interface SyncRun {
  call: Node;
  server: string;
  symbol: PySymbol;
}

function syncRuns(file: PyFile): SyncRun[] {
  const out: SyncRun[] = [];
  // `x.run(` by the callee's text first; the tree only for those calls.
  for (const site of file.calls) {
    if (!site.calleeText.endsWith(".run")) continue;
    const call = site.node;
    const callee = call.childForFieldName("function");
    if (methodName(callee) !== "run") continue;
    const object = methodObject(callee);
    const symbol = serverOf(file, object);
    if (symbol) out.push({ call, server: object!.text, symbol });
  }
  return out;
}

/** The awaitable to use instead, for the message and the suggestion. */
function asyncTwin(run: SyncRun): { text: string; exact: boolean } {
  const transport = stringValue(keywordArg(run.call, "transport") ?? positionalArgs(run.call)[0]);
  const args = run.call.childForFieldName("arguments");
  if (run.symbol.line === "fastmcp") return { text: `${run.server}.run_async${args?.text ?? "()"}`, exact: true };
  const bare = (args?.namedChildren.length ?? 0) === 0;
  const onlyTransport = bare || (transport !== undefined && args!.namedChildren.length === 1);
  const method = transport === "sse" ? "run_sse_async" : transport === "streamable-http" ? "run_streamable_http_async" : "run_stdio_async";
  return { text: `${run.server}.${method}()`, exact: onlyTransport && (transport === undefined || ["stdio", "sse", "streamable-http"].includes(transport)) };
}

/** The callee text of a loop runner (isLoopRunner's names). */
const LOOP_RUNNER = /^(?:asyncio|anyio|trio)\.run$|\.run_until_complete$/;

/** `asyncio.run(...)`, `anyio.run(...)`, `trio.run(...)`, `loop.run_until_complete(...)`: starts an event loop on its argument. */
function isLoopRunner(call: Node | null | undefined): boolean {
  const callee = call?.type === "call" ? call.childForFieldName("function")?.text : undefined;
  return callee === "asyncio.run" || callee === "anyio.run" || callee === "trio.run" || /\.run_until_complete$/.test(callee ?? "");
}

export const noSyncRunInEventLoop = definePythonRule<MessageIds>({
  meta: {
    id: "no-sync-run-in-event-loop",
    description: "A high-level MCP server's synchronous run() must not be called inside a running event loop (async def): it raises at start-up",
    severity: "error",
    recommended: true,
    hasSuggestions: true,
    messages: {
      syncRunInAsync:
        "`{{server}}.run()` is synchronous: it starts its own event loop with anyio.run(), and inside this `async def` a loop is already running, so it raises RuntimeError(\"Already running asyncio in this thread\") at start-up ({{package}}). Await the async form instead: `await {{twin}}`.",
      syncRunViaHelper:
        "`{{helper}}()` calls the synchronous `{{server}}.run()` (line {{line}}), and here it runs inside an `async def` whose event loop is already running: anyio.run() raises RuntimeError(\"Already running asyncio in this thread\") at start-up ({{package}}). Await `{{twin}}` here instead, or call `{{helper}}()` outside the event loop.",
      runPassedToLoop:
        "`{{server}}.run` is synchronous, not a coroutine function: {{what}} Pass the async form: `{{runner}}({{twinRef}})`.",
      runResultToAsyncioRun:
        "`{{what}}` runs the server synchronously before `{{runner}}()` is even called (it blocks until the server stops), then `{{runner}}()` receives None and raises (\"a coroutine was expected\"). Call `{{server}}.run()` on its own, or `{{runner}}({{twin}})`.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    // anyio.run(mcp.run) / asyncio.run(mcp.run): the bound method handed to a loop runner uncalled.
    for (const site of file.calls) {
      if (!LOOP_RUNNER.test(site.calleeText)) continue;
      const call = site.node;
      if (!isLoopRunner(call)) continue;
      const first = positionalArgs(call)[0];
      if (first?.type !== "attribute" || methodName(first) !== "run") continue;
      const object = methodObject(first);
      const symbol = serverOf(file, object);
      if (!symbol) continue;
      const runner = call.childForFieldName("function")!.text;
      const twinRef = symbol.line === "fastmcp" ? `${object!.text}.run_async` : `${object!.text}.run_stdio_async`;
      const what =
        runner === "asyncio.run" || runner.endsWith(".run_until_complete")
          ? `\`${runner}()\` needs a coroutine and raises ValueError ("a coroutine was expected") before the server starts.`
          : `\`${runner}()\` calls it inside its own event loop, where its anyio.run() raises RuntimeError("Already running asyncio in this thread") before the server starts.`;
      report({ messageId: "runPassedToLoop", data: { server: object!.text, what, runner, twinRef: runner === "asyncio.run" ? `${twinRef}()` : twinRef }, node: first });
    }
    const runs = syncRuns(file);
    if (runs.length === 0) return;
    const packageOf = (s: PySymbol): string => (s.line === "mcp1" ? "mcp 1.x FastMCP" : s.line === "mcp2" ? "mcp 2.x MCPServer" : "fastmcp FastMCP");
    /** Sync functions that run a server, by name: `def main(): mcp.run()`. */
    const helpers = new Map<string, SyncRun>();
    for (const run of runs) {
      const fn = enclosingFunction(run.call);
      if (isAsyncFunction(fn)) {
        const twin = asyncTwin(run);
        const awaited = run.call.parent?.type === "await";
        const callee = run.call.childForFieldName("function")!;
        const suggestions =
          twin.exact && run.call.parent?.type === "expression_statement"
            ? [{ desc: `Await ${twin.text} instead.`, fix: { range: [run.call.startIndex, run.call.endIndex] as [number, number], text: `await ${twin.text}` } }]
            : [];
        report({
          messageId: "syncRunInAsync",
          data: { server: run.server, package: packageOf(run.symbol), twin: twin.text },
          node: awaited ? run.call.parent! : callee,
          ...(suggestions.length ? { suggestions } : {}),
        });
        continue;
      }
      // asyncio.run(mcp.run())
      const argList = run.call.parent;
      if (argList?.type === "argument_list" && isLoopRunner(argList.parent)) {
        const runner = argList.parent!.childForFieldName("function")!.text;
        report({
          messageId: "runResultToAsyncioRun",
          data: { what: `${run.server}.run()`, runner, server: run.server, twin: asyncTwin(run).text },
          node: run.call,
          severity: "warning",
        });
        continue;
      }
      const name = fn?.childForFieldName("name")?.text;
      if (fn && name && enclosingFunction(fn) === undefined && !helpers.has(name)) helpers.set(name, run);
    }
    if (helpers.size === 0) return;
    // One level through a sync helper: `def start(): mcp.run()` called inside an `async def`, or asyncio.run(start()).
    for (const site of file.calls) {
      if (!helpers.has(site.calleeText)) continue;
      const call = site.node;
      const callee = call.childForFieldName("function");
      if (callee?.type !== "identifier") continue;
      const run = helpers.get(callee.text);
      if (!run) continue;
      const line = run.call.startPosition.row + 1;
      if (isAsyncFunction(enclosingFunction(call))) {
        report({
          messageId: "syncRunViaHelper",
          data: { helper: callee.text, server: run.server, line, package: packageOf(run.symbol), twin: asyncTwin(run).text },
          node: call,
        });
      } else if (call.parent?.type === "argument_list" && isLoopRunner(call.parent.parent)) {
        const runner = call.parent.parent!.childForFieldName("function")!.text;
        report({
          messageId: "runResultToAsyncioRun",
          data: { what: `${callee.text}()`, runner, server: run.server, twin: asyncTwin(run).text },
          node: call,
          severity: "warning",
        });
      }
    }
  },
});
