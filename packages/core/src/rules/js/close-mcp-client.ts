import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile, type Construction, type InstanceUse, type SdkFile } from "../../code/js/analysis.js";
import { enclosingFunction, memberPath, nodesOfType, unwrapExpression, type Node } from "../../code/js/ast.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "notClosed";
type Options = [];

const ENTRY_NAMES = /^(?:main|run|start|cli)$/i;

function functionName(fn: Node | undefined): string | undefined {
  if (!fn) return undefined;
  if (fn.type === "FunctionDeclaration" || fn.type === "FunctionExpression") {
    if (fn.id) return fn.id.name;
  }
  const parent = fn.parent;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  return undefined;
}

/** A module that exports anything is a library: its clients may live as long as the process. */
function isLibrary(sdk: SdkFile): boolean {
  const { sourceCode } = sdk;
  if (
    nodesOfType(sourceCode, "ExportNamedDeclaration").length > 0 ||
    nodesOfType(sourceCode, "ExportDefaultDeclaration").length > 0 ||
    nodesOfType(sourceCode, "ExportAllDeclaration").length > 0
  ) {
    return true;
  }
  return nodesOfType(sourceCode, "MemberExpression").some((n) => {
    // Only chains over `module` / `exports` can spell these paths.
    if (!startsWithName(n, "module") && !startsWithName(n, "exports")) return false;
    const path = memberPath(n)?.join(".");
    return path === "module.exports" || !!path?.startsWith("exports.");
  });
}

function callsProcessExit(sdk: SdkFile): boolean {
  return nodesOfType(sdk.sourceCode, "CallExpression").some(
    (n) => startsWithName(n.callee, "process") && memberPath(n.callee)?.join(".") === "process.exit",
  );
}

/** Is the innermost object of a member chain (through TS wrappers) the identifier `name`? */
function startsWithName(node: Node, name: string): boolean {
  let n = unwrapExpression(node);
  while (n.type === "MemberExpression") n = unwrapExpression(n.object);
  return n.type === "Identifier" && n.name === name;
}

export const closeMcpClient = createCodeRule<Options, MessageIds>({
  name: "close-mcp-client",
  meta: {
    type: "problem",
    docs: {
      description: "A script that connects a Client to a stdio server must close it, or the child process keeps it running",
      recommended: true,
      severity: "warning",
    },
    messages: {
      notClosed:
        "This script connects a Client to a stdio server and never closes it: the child process keeps the event loop alive, so the script never exits. Call `await client.close()` when done (in a finally block).",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    return {
      Program() {
        const clients = sdk.constructions.filter((c) => c.resolved.symbol.role === "client" && c.target.kind === "variable");
        if (clients.length === 0 || isLibrary(sdk) || callsProcessExit(sdk)) return;
        for (const c of clients) {
          if (isUnclosedScriptClient(c, sdk)) {
            context.report({ node: c.node.callee as TSESTree.Node, messageId: "notClosed" });
          }
        }
      },
    };
  },
});

function isUnclosedScriptClient(c: Construction, sdk: SdkFile): boolean {
  const home = enclosingFunction(c.node);
  if (home && !ENTRY_NAMES.test(functionName(home) ?? "")) return false;
  const uses = sdk.usesOf(c);
  // Only plain method calls and callback assignments in the same function: anything else may keep it for later.
  if (!uses.every((u) => (u.kind === "call" || u.kind === "write") && enclosingFunction(u.member) === home)) return false;
  const calls = uses.filter((u): u is Extract<InstanceUse, { kind: "call" }> => u.kind === "call");
  if (calls.some((u) => u.method === "close")) return false;
  const connects = calls.filter((u) => u.method === "connect");
  if (connects.length === 0) return false;
  for (const connect of connects) {
    const arg = connect.call.arguments[0];
    if (!arg || arg.type === "SpreadElement") return false;
    const a = unwrapExpression(arg);
    const transports = a.type === "NewExpression" ? sdk.constructions.filter((t) => t.node === a) : sdk.instancesOf(a);
    if (!transports.some((t) => t.resolved.symbol.role === "stdio-client-transport")) return false;
    // Closing the transport ends the child too.
    for (const t of transports) {
      if (sdk.usesOf(t).some((u) => u.kind === "call" && u.method === "close")) return false;
      if (sdk.usesOf(t).some((u) => u.kind === "escape" || (u.kind === "argument" && u.call !== connect.call))) return false;
    }
  }
  return true;
}
