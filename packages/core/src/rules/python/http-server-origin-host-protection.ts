import { keywordArg, methodName, methodObject, positionalArgs, stringValue, type PyCall, type PyFile } from "../../code/python/analysis.js";
import { ModuleNames } from "../../code/python/modules.js";
import type { Node } from "../../code/python/parser.js";
import { stringsOf } from "../../code/python/values.js";
import { definePythonRule } from "./types.js";

type MessageIds = "listenAll" | "fastmcpAll" | "uvicornAll" | "bindLoopback";

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;
const ALL_INTERFACES = new Set(["0.0.0.0", "::", "[::]", ""]);
/** Middleware that validates Host or authenticates (Starlette's TrustedHostMiddleware, auth middleware by name). */
const GUARD = /TrustedHost|HostOrigin|auth|bearer|jwt|api[-_]?key|verify[-_]?token|require[-_]?token/i;
const HTTP_TRANSPORTS = new Set(["sse", "streamable-http", "http", "streamable_http"]);

interface Host {
  node: Node;
  value: string;
}

/** The first non-loopback host literal an argument can be (a literal, a module constant, an env default). */
function exposedHost(file: PyFile, arg: Node | undefined): Host | undefined {
  if (!arg) return undefined;
  for (const s of stringsOf(file, arg)) {
    if (!s.complete) continue;
    const v = s.value.trim();
    if (!LOOPBACK.test(v)) return { node: s.node, value: v };
  }
  return undefined;
}

function where(h: Host): string {
  return ALL_INTERFACES.has(h.value) ? `${JSON.stringify(h.value)} (every interface)` : `${JSON.stringify(h.value)} (not a loopback address)`;
}

/** A keyword given with a value other than a literal `None` / `False`. */
function given(call: Node, name: string): boolean {
  const v = keywordArg(call, name);
  return !!v && v.type !== "none" && v.type !== "false";
}

/** `transport_security=` / `security_settings=` that turns protection on (not None, not enable_dns_rebinding_protection=False). */
function securityGiven(file: PyFile, call: Node, name: string): boolean {
  const v = keywordArg(call, name);
  if (!v || v.type === "none") return false;
  if (v.type === "call" && file.callsOf("transport-security").some((c) => c.node.id === v.id)) {
    return keywordArg(v, "enable_dns_rebinding_protection")?.type !== "false";
  }
  return true;
}

/** The module has middleware that validates Host or authenticates: `Middleware(TrustedHostMiddleware, ...)`, `app.add_middleware(AuthMiddleware)`. */
function guardedModule(file: PyFile): boolean {
  if (!GUARD.test(file.text)) return false;
  for (const m of file.text.matchAll(/\b(?:Middleware|add_middleware)\s*\(\s*([\w.]+)/g)) if (GUARD.test(m[1]!)) return true;
  return false;
}

/** The server's constructor sets authentication (`auth=`, `token_verifier=`, `auth_server_provider=`). */
function hasAuth(ctor: PyCall): boolean {
  return given(ctor.node, "auth") || given(ctor.node, "token_verifier") || given(ctor.node, "auth_server_provider");
}

export const httpServerOriginHostProtection = definePythonRule<MessageIds>({
  meta: {
    id: "http-server-origin-host-protection",
    description: "An MCP HTTP server listening on every interface needs Host/Origin validation (DNS-rebinding protection) or authentication",
    severity: "warning",
    recommended: true,
    hasSuggestions: true,
    messages: {
      listenAll:
        "This MCP HTTP server listens on {{where}} without DNS-rebinding protection or authentication, so other machines, and web pages through DNS rebinding, can call its tools: {{why}}. Pass transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=[...], allowed_origins=[...]) {{to}}, or require auth (auth= / token_verifier=); for local use bind to 127.0.0.1.",
      fastmcpAll:
        "This fastmcp HTTP server listens on {{where}} without Host/Origin validation or authentication, so other machines, and web pages through DNS rebinding, can call its tools: fastmcp checks Host/Origin only when asked (host_origin_protection=True, fastmcp 3.4.4+; 3.4.3 alone did it by default, earlier versions never). Pass host_origin_protection=True with allowed hosts, or auth= on FastMCP(...); for local use bind to 127.0.0.1.",
      uvicornAll:
        "uvicorn serves this module's MCP app on {{where}}, and {{source}} validates no Host/Origin header and nothing authenticates, so other machines, and web pages through DNS rebinding, can call its tools. {{fix}}; for local use bind to 127.0.0.1.",
      bindLoopback: "Listen on 127.0.0.1 only.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    // Every finding is at a `host=` argument.
    if (!file.text.includes("host") || !/\bhost\s*=/.test(file.text)) return;
    const servers = file.bindingsOf("server");
    const lowLevel = file.callsOf("sse-server-transport", "http-session-manager");
    if (servers.length === 0 && lowLevel.length === 0) return;
    if (guardedModule(file)) return;

    const suggest = (h: Host): Array<{ desc: string; fix: { range: [number, number]; text: string } }> => {
      const q = /^[A-Za-z]*'/.test(h.node.text) ? "'" : '"';
      return h.node.type === "string" ? [{ desc: "Listen on 127.0.0.1 only.", fix: { range: [h.node.startIndex, h.node.endIndex], text: `${q}127.0.0.1${q}` } }] : [];
    };
    const reported = new Set<number>();
    const hit = (messageId: MessageIds, h: Host, data: Record<string, string>): void => {
      if (reported.has(h.node.id)) return;
      reported.add(h.node.id);
      report({ messageId, data: { where: where(h), ...data }, node: h.node, suggestions: suggest(h) });
    };

    /** Unprotected sources of an MCP ASGI app that do not decide the bind address themselves (for uvicorn.run). */
    const unprotectedApps: Array<{ node: Node; label: string }> = [];

    for (const b of servers) {
      const ctor = b.call;
      const line = ctor.symbol.line;
      if (hasAuth(ctor)) continue;
      const prefix = `${b.target}.`;
      const calls = file.calls
        .filter((c) => c.calleeText.startsWith(prefix) && !c.calleeText.slice(prefix.length).includes("."))
        .map((c) => c.node)
        .filter((c) => methodObject(c.childForFieldName("function"))?.text === b.target);
      const serves = (c: Node): "http" | "stdio" | "app" | undefined => {
        const m = methodName(c.childForFieldName("function"));
        if (m === "sse_app" || m === "streamable_http_app" || m === "http_app") return "app";
        if (m === "run_http_async" || m === "run_sse_async" || m === "run_streamable_http_async") return "http";
        if (m === "run_stdio_async") return "stdio";
        if (m !== "run" && m !== "run_async") return undefined;
        const t = keywordArg(c, "transport") ?? positionalArgs(c)[0];
        if (!t || t.type === "none") return "stdio";
        const v = stringValue(t);
        return v === undefined || HTTP_TRANSPORTS.has(v) ? "http" : "stdio";
      };
      const uses = calls.map((c) => ({ c, how: serves(c) })).filter((u) => u.how !== undefined);

      if (line === "mcp1") {
        // mcp 1.x: host and transport_security are constructor arguments; 1.23+ protects loopback hosts only.
        if (securityGiven(file, ctor.node, "transport_security")) continue;
        const h = exposedHost(file, keywordArg(ctor.node, "host"));
        const onlyStdio = uses.length > 0 && uses.every((u) => u.how === "stdio");
        if (h && !onlyStdio) {
          hit("listenAll", h, {
            why: "mcp 1.23+ turns DNS-rebinding protection on by itself only for host 127.0.0.1, localhost or ::1 (earlier 1.x releases never)",
            to: "to FastMCP(...)",
          });
        }
      } else if (line === "mcp2") {
        // mcp 2.x: host and transport_security are arguments of run() / sse_app() / streamable_http_app().
        for (const u of uses) {
          if (u.how === "stdio" || securityGiven(file, u.c, "transport_security")) continue;
          const h = exposedHost(file, keywordArg(u.c, "host"));
          if (h) hit("listenAll", h, { why: "MCPServer turns DNS-rebinding protection on by itself only for host 127.0.0.1, localhost or ::1", to: "to this call" });
        }
      } else if (line === "fastmcp") {
        if (given(ctor.node, "middleware") && GUARD.test(keywordArg(ctor.node, "middleware")!.text)) continue;
        const protects = (c: Node): boolean => keywordArg(c, "host_origin_protection")?.type === "true" || (given(c, "middleware") && GUARD.test(keywordArg(c, "middleware")!.text));
        const ctorHost = exposedHost(file, keywordArg(ctor.node, "host"));
        for (const u of uses) {
          if (u.how === "stdio" || protects(u.c)) continue;
          const h = exposedHost(file, keywordArg(u.c, "host")) ?? (keywordArg(u.c, "host") ? undefined : ctorHost);
          if (h) hit("fastmcpAll", h, {});
          else if (u.how === "app") unprotectedApps.push({ node: u.c, label: `fastmcp's ${methodName(u.c.childForFieldName("function"))}()` });
        }
        if (ctorHost && uses.length === 0) hit("fastmcpAll", ctorHost, {});
      }
    }
    for (const c of lowLevel) {
      if (!securityGiven(file, c.node, "security_settings")) unprotectedApps.push({ node: c.node, label: `${c.symbol.short} without security_settings` });
    }
    if (unprotectedApps.length === 0) return;
    const uvicorn = new ModuleNames(file, ["uvicorn"]);
    for (const call of uvicorn.calls("uvicorn.run", "uvicorn.Config")) {
      const h = exposedHost(file, keywordArg(call, "host"));
      if (!h) continue;
      // Name the source nearest before this call (the app it most likely serves).
      const before = unprotectedApps.filter((a) => a.node.startIndex < call.startIndex).sort((a, b) => b.node.startIndex - a.node.startIndex);
      const source = (before[0] ?? unprotectedApps[0]!).label;
      const fastmcp = source.startsWith("fastmcp");
      hit("uvicornAll", h, {
        source,
        fix: fastmcp
          ? "Build the app with host_origin_protection=True (fastmcp 3.4.4+) or set auth= on FastMCP(...)"
          : "Pass security_settings=TransportSecuritySettings(enable_dns_rebinding_protection=True, allowed_hosts=[...], allowed_origins=[...]), or add authentication",
      });
    }
  },
});
