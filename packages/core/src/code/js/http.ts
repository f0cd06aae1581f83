import type { SdkFile } from "./analysis.js";
import type { Node, Scope } from "./ast.js";
import { isModuleObject, memberName, resolveImport } from "./imports.js";

/** What the code rules know of Node's HTTP servers and of Express-style routers. */

/** Router methods that register a handler (`app.post("/mcp", handler)`, `app.use(...)`, `app.route("/mcp")`). */
export const ROUTE_METHODS: ReadonlySet<string> = new Set(["use", "get", "post", "put", "patch", "delete", "all", "route"]);

/** Node's HTTP server modules. */
export const HTTP_MODULES: readonly string[] = ["http", "https", "node:http", "node:https", "http2", "node:http2"];

/** The callee is Node's `createServer`: `http.createServer` on the module object, or `createServer` imported from it. */
export function isHttpCreateServer(sdk: SdkFile, callee: Node, scope: Scope): boolean {
  if (callee.type === "MemberExpression") return memberName(callee) === "createServer" && isModuleObject(sdk.imports, callee.object, scope, HTTP_MODULES);
  if (callee.type !== "Identifier") return false;
  const r = resolveImport(sdk.imports, callee, scope);
  return !!r && HTTP_MODULES.includes(r.module) && r.name === "createServer";
}
