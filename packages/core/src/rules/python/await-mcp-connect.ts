import { enclosingFunction, isAsyncFunction, methodName, methodObject } from "../../code/python/analysis.js";
import { receiverAt, receiversOf } from "../../code/python/receivers.js";
import { PY_COROUTINE_METHODS, type PyRole } from "../../code/python/sdk-catalog.js";
import { definePythonRule } from "./types.js";

type MessageIds = "notAwaited" | "addAwait";

const ROLES: PyRole[] = ["client-session", "client", "lowlevel-server", "server"];
/** Every coroutine method name of those roles. */
const COROUTINE_NAMES = new Set(ROLES.flatMap((r) => [...(PY_COROUTINE_METHODS[r] ?? [])]));

/** What is lost when the coroutine never runs. */
function effect(role: PyRole, method: string): string {
  if (method === "initialize") return "the initialize handshake is never sent and the server rejects every request that follows";
  if (role === "lowlevel-server" || role === "server") return "the server never serves: the client sees \"Connection closed\"";
  return "the request is never sent";
}

/**
 * Python side of await-mcp-connect: a coroutine method of an SDK object (`ClientSession.initialize`,
 * `list_tools`, low-level `Server.run`, `run_stdio_async` ...) called as a bare statement, without
 * `await`. Python builds the coroutine object and drops it: nothing runs, and the only trace is a
 * "coroutine ... was never awaited" RuntimeWarning. The `Options` of the JavaScript rule do not
 * apply (a dropped coroutine never runs, whatever follows it).
 */
export const awaitMcpConnectPython = definePythonRule<MessageIds>({
  meta: {
    id: "await-mcp-connect",
    description: "Await `connect()` before sending requests: an un-awaited connect races the initialize handshake",
    severity: "error",
    recommended: true,
    hasSuggestions: true,
    messages: {
      notAwaited:
        "{{call}}() is a coroutine ({{cls}}.{{method}} is `async def`): called without `await` it never runs (Python only warns \"coroutine ... was never awaited\"), so {{effect}}. Write `await {{shown}}`.",
      addAwait: "Await the call.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    const receivers = receiversOf(file, ...ROLES);
    if (receivers.length === 0) return;
    const names = new Set(receivers.map((r) => r.name));
    for (const site of file.calls) {
      // `receiver.method(` of a coroutine method, by text first: only those calls are looked up in the tree.
      const dot = site.calleeText.lastIndexOf(".");
      if (dot < 0 || !names.has(site.calleeText.slice(0, dot)) || !COROUTINE_NAMES.has(site.calleeText.slice(dot + 1))) continue;
      const call = site.node;
      if (call.parent?.type !== "expression_statement" || call.parent.namedChildCount !== 1) continue;
      const callee = call.childForFieldName("function");
      const method = methodName(callee);
      if (method === undefined) continue;
      const receiver = receiverAt(receivers, methodObject(callee));
      if (!receiver || !PY_COROUTINE_METHODS[receiver.role]?.has(method)) continue;
      const cls = receiver.call ? (file.sdkCalls.find((c) => c.node.id === receiver.call!.id)?.symbol.short ?? "") : "";
      const suggestions = isAsyncFunction(enclosingFunction(call))
        ? [{ desc: "Await the call.", fix: { range: [call.startIndex, call.startIndex] as [number, number], text: "await " } }]
        : [];
      report({
        messageId: "notAwaited",
        data: {
          call: callee!.text,
          shown: `${callee!.text}(${(call.childForFieldName("arguments")?.namedChildCount ?? 0) > 0 ? "..." : ""})`,
          cls: cls || roleClass(receiver.role),
          method,
          effect: effect(receiver.role, method),
        },
        node: call,
        suggestions,
      });
    }
  },
});

function roleClass(role: PyRole): string {
  switch (role) {
    case "client-session":
      return "ClientSession";
    case "client":
      return "Client";
    case "lowlevel-server":
      return "Server";
    default:
      return "FastMCP";
  }
}
