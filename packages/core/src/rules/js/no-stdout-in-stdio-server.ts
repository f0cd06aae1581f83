import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { sdkFile, type SdkFile } from "../../code/js/analysis.js";
import { contains, isFunction, isGlobalReference, memberPath, nodesOfType, outerParent, unwrapExpression, type Node, type Scope } from "../../code/js/ast.js";
import { memberName, resolveImport } from "../../code/js/imports.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "console" | "stdoutWrite" | "useStderr";
type Options = [];

/**
 * Console methods that write to stdout in Node (verified on Node 20): log, info,
 * debug, dir, dirxml, table, count, group/groupCollapsed (with a label),
 * timeLog, timeEnd. error, warn, trace, assert and countReset write to stderr.
 */
const STDOUT_CONSOLE = new Set(["log", "info", "debug", "dir", "dirxml", "table", "count", "group", "groupCollapsed", "timeLog", "timeEnd"]);
/** Methods where `console.error` is a drop-in replacement. */
const REPLACEABLE = new Set(["log", "info", "debug", "dir", "dirxml"]);
const PROCESS_MODULES = ["process", "node:process"];

function isConsole(node: Node, scope: Scope): boolean {
  const n = unwrapExpression(node);
  return n.type === "Identifier" && n.name === "console" && isGlobalReference(scope, "console");
}

function isProcess(node: Node, scope: Scope, sdk: SdkFile): boolean {
  const n = unwrapExpression(node);
  if (n.type !== "Identifier") return false;
  if (isGlobalReference(scope, n.name)) return n.name === "process";
  const r = resolveImport(sdk.imports, n, scope);
  return !!r && PROCESS_MODULES.includes(r.module) && (r.name === "*" || r.name === "default");
}

/** `process.stdout` (also through an imported process). */
function isProcessStdout(node: Node, scope: Scope, sdk: SdkFile): boolean {
  const n = unwrapExpression(node);
  if (n.type === "MemberExpression" && memberName(n) === "stdout") return isProcess(n.object, scope, sdk);
  if (n.type === "Identifier") {
    const r = resolveImport(sdk.imports, n, scope);
    return !!r && PROCESS_MODULES.includes(r.module) && r.name === "stdout";
  }
  return false;
}

const HELP_PRINTER = /^(show|print|display|log|write|output)?_?(help|usage|version|versions)(text|info|message)?$/i;

/** The name a function is known by: its own, or the variable or property it is assigned to. */
function functionName(fn: Node): string | undefined {
  if ((fn.type === "FunctionDeclaration" || fn.type === "FunctionExpression") && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  if ((parent?.type === "Property" || parent?.type === "MethodDefinition" || parent?.type === "PropertyDefinition") && parent.key.type === "Identifier") return parent.key.name;
  return undefined;
}

export const noStdoutInStdioServer = createCodeRule<Options, MessageIds>({
  name: "no-stdout-in-stdio-server",
  meta: {
    type: "problem",
    docs: {
      description: "A stdio MCP server must not write to stdout: it is the JSON-RPC channel",
      recommended: true,
      severity: "error",
    },
    hasSuggestions: true,
    messages: {
      console:
        "console.{{method}}() writes to stdout, the JSON-RPC channel of this stdio server: the client gets a line that is not JSON (\"Unexpected token … is not valid JSON\") or a corrupted response. Log to stderr (console.error) instead.",
      stdoutWrite:
        "process.stdout.write() writes into the JSON-RPC channel of this stdio server; a partial line corrupts the next response and the request times out. Write diagnostics to process.stderr instead.",
      useStderr: "Write to stderr instead ({{replacement}}).",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk || !sdk.uses("stdio-server-transport", "stdio-server-entry")) return {};
    // A StdioServerTransport on other streams (a socket, a pipe) leaves process.stdout alone.
    const stdioConstructions = sdk.constructions.filter((c) => c.resolved.symbol.role === "stdio-server-transport");
    if (
      stdioConstructions.length > 0 &&
      !sdk.uses("stdio-server-entry") &&
      stdioConstructions.every((c) => {
        const out = c.node.arguments[1];
        return out !== undefined && out.type !== "SpreadElement" && !isProcessStdout(out, sdk.scopeOf(out), sdk);
      })
    ) {
      return {};
    }
    const { sourceCode } = context;

    // Guards: `console.log = console.error`, `process.stdout.write = filter`: writes through them are the fix.
    const guardedConsole = new Set<string>();
    let stdoutWriteGuarded = false;
    const guardFunctions: Node[] = [];
    /** Blocks that run the HTTP side of a dual-transport server. */
    const httpMarkers: Node[] = [];
    const stdioMarkers: Node[] = [];
    for (const c of sdk.constructions) {
      if (c.resolved.symbol.role === "server-transport") httpMarkers.push(c.node);
      if (c.resolved.symbol.role === "stdio-server-transport") stdioMarkers.push(c.node);
    }
    for (const c of sdk.calls) {
      if (c.resolved.symbol.role === "http-handler" || c.resolved.symbol.role === "express-app") httpMarkers.push(c.node);
      if (c.resolved.symbol.role === "stdio-server-entry") stdioMarkers.push(c.node);
    }
    for (const node of nodesOfType(sourceCode, "AssignmentExpression")) {
      if (node.operator !== "=") continue;
      const left = unwrapExpression(node.left);
      if (left.type !== "MemberExpression") continue;
      const scope = sdk.scopeOf(node);
      const name = memberName(left);
      if (name && isConsole(left.object, scope)) {
        guardedConsole.add(name);
        guardFunctions.push(node.right);
      } else if (name === "write" && isProcessStdout(left.object, scope, sdk)) {
        stdoutWriteGuarded = true;
        guardFunctions.push(node.right);
      }
    }
    for (const node of nodesOfType(sourceCode, "CallExpression")) {
      const callee = unwrapExpression(node.callee);
      if (callee.type === "MemberExpression" && memberName(callee) === "listen") httpMarkers.push(node);
    }

    // Names bound to the stdio server or its transport (`const server = new McpServer(…)`, `this.transport = …`):
    // after `server.close()` the JSON-RPC channel is gone, and what follows in that block reaches a terminal.
    const channelNames = new Set<string>();
    for (const c of sdk.constructions) {
      const role = c.resolved.symbol.role;
      if (role !== "server" && role !== "stdio-server-transport") continue;
      const { parent } = outerParent(c.node);
      if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") channelNames.add(parent.id.name);
      else if (parent?.type === "AssignmentExpression") {
        const left = unwrapExpression(parent.left);
        const name = left.type === "Identifier" ? left.name : left.type === "MemberExpression" ? memberName(left) : undefined;
        if (name) channelNames.add(name);
      } else if (parent?.type === "PropertyDefinition" && parent.key.type === "Identifier") channelNames.add(parent.key.name);
    }
    /** `server.close()` / `await this.transport.close()` as a statement. */
    function closesChannel(statement: Node): boolean {
      if (statement.type !== "ExpressionStatement") return false;
      let e = unwrapExpression(statement.expression);
      if (e.type === "AwaitExpression") e = unwrapExpression(e.argument);
      if (e.type !== "CallExpression") return false;
      const callee = unwrapExpression(e.callee);
      if (callee.type !== "MemberExpression" || memberName(callee) !== "close") return false;
      const target = unwrapExpression(callee.object);
      const name = target.type === "Identifier" ? target.name : target.type === "MemberExpression" ? memberName(target) : undefined;
      return name !== undefined && channelNames.has(name);
    }
    const firstClose = new WeakMap<Node[], number>();
    /** A write in a statement list after the statement that closed the server or its transport. */
    function afterClose(call: TSESTree.CallExpression): boolean {
      if (channelNames.size === 0) return false;
      for (let n: Node | undefined = call; n?.parent; n = n.parent) {
        const parent: Node = n.parent;
        const list: Node[] | undefined = parent.type === "BlockStatement" || parent.type === "Program" ? (parent.body as Node[]) : parent.type === "SwitchCase" ? parent.consequent : undefined;
        if (list) {
          // Each list is scanned once (a scan per write is quadratic in a file of thousands of writes).
          let first: number | undefined = firstClose.get(list);
          if (first === undefined) {
            first = list.findIndex(closesChannel);
            firstClose.set(list, first);
          }
          if (first >= 0 && list[first] !== n && list.indexOf(n, first) > first) return true;
        }
        // A callback passed to a call in that list (`httpServer.close(() => console.log("closed"))`) runs after it too.
        if (isFunction(parent) && !(parent.parent?.type === "CallExpression" && parent.parent.arguments.includes(parent as never))) return false;
      }
      return false;
    }

    /** Inside a `.listen(..., cb)` callback, a guard replacement, or an HTTP-only branch of the module. */
    function exempt(call: TSESTree.CallExpression): boolean {
      if (guardFunctions.some((g) => contains(g, call))) return true;
      for (let n: Node | undefined = call.parent; n; n = n.parent) {
        // A help, usage or version printer (showHelp, printUsage, showVersion): called on --help / --version paths
        // that exit before the stdio transport exists, so its output reaches a terminal, not the client.
        if (isFunction(n) && HELP_PRINTER.test(functionName(n) ?? "")) return true;
        // Any other printer that the file only calls right before process.exit() (`if (argv.includes("--show-prompt"))
        // { showSystemPrompt(); process.exit(0); }`): it runs on a path that exits before the transport exists.
        if (isFunction(n) && onlyCalledBeforeExit(n)) return true;
        if (isFunction(n)) {
          const { parent } = outerParent(n);
          if (parent?.type === "CallExpression" && parent.callee.type === "MemberExpression" && memberName(parent.callee) === "listen") return true;
        }
        // A mode switch whose stdio server starts in another branch: this branch runs another mode.
        if (n.type === "IfStatement" && !contains(n.test, call)) {
          const branch = contains(n.consequent, call) ? n.consequent : n.alternate;
          if (branch && !stdioMarkers.some((m) => contains(branch, m)) && stdioMarkers.some((m) => contains(n!, m))) return true;
        }
        if (n.type === "SwitchCase" && n.parent?.type === "SwitchStatement") {
          const sw = n.parent;
          if (!stdioMarkers.some((m) => contains(n!, m)) && sw.cases.some((c) => c !== n && stdioMarkers.some((m) => contains(c, m)))) return true;
        }
        // The nearest branch or function body that starts a transport decides.
        if (n.type === "BlockStatement" || n.type === "SwitchCase" || n.type === "IfStatement") {
          const hasHttp = httpMarkers.some((m) => contains(n!, m));
          const hasStdio = stdioMarkers.some((m) => contains(n!, m));
          if (hasStdio) return false;
          if (hasHttp) return true;
        }
      }
      return false;
    }

    /** A named function whose every use in the file is a call statement followed by `process.exit()` (at least one). */
    function onlyCalledBeforeExit(fn: Node): boolean {
      let known = onlyBeforeExit.get(fn);
      if (known !== undefined) return known;
      known = false;
      const declarator = fn.type === "FunctionDeclaration" ? fn : fn.parent?.type === "VariableDeclarator" && fn.parent.init === fn ? fn.parent : undefined;
      if (declarator) {
        const refs = context.sourceCode.scopeManager?.getDeclaredVariables(declarator as TSESTree.Node).flatMap((v) => v.references.filter((r) => !r.init)) ?? [];
        known =
          refs.length > 0 &&
          refs.length <= 64 &&
          refs.every((r) => {
            const call = r.identifier.parent;
            return call?.type === "CallExpression" && call.callee === r.identifier && exitsRightAfter(call);
          });
      }
      onlyBeforeExit.set(fn, known);
      return known;
    }
    const onlyBeforeExit = new WeakMap<Node, boolean>();

    /** Usage text printed right before `process.exit()` (--help, --version, bad arguments). */
    function exitsRightAfter(call: TSESTree.CallExpression): boolean {
      const { parent } = outerParent(call);
      if (parent?.type !== "ExpressionStatement") return false;
      const list = parent.parent && "body" in parent.parent && Array.isArray(parent.parent.body) ? (parent.parent.body as Node[]) : parent.parent?.type === "SwitchCase" ? parent.parent.consequent : undefined;
      if (!list) return false;
      // Is there a process.exit() statement after it in its list? Each list is scanned once (a scan per call is
      // quadratic in a file of thousands of console.log lines).
      let exits = lastExit.get(list);
      if (!exits) {
        let last = -1;
        const position = new Map<Node, number>();
        list.forEach((s, i) => {
          position.set(s, i);
          if (s.type !== "ExpressionStatement") return;
          const e = unwrapExpression(s.expression);
          if (e.type === "CallExpression" && memberPath(e.callee)?.join(".") === "process.exit") last = i;
        });
        lastExit.set(list, (exits = { last, position }));
      }
      return (exits.position.get(parent) ?? Infinity) < exits.last;
    }
    const lastExit = new WeakMap<Node[], { last: number; position: Map<Node, number> }>();

    function useConsoleError(member: TSESTree.MemberExpression): TSESLint.ReportSuggestionArray<MessageIds> {
      return [{ messageId: "useStderr", data: { replacement: "console.error()" }, fix: (fixer) => fixer.replaceText(member.property, "error") }];
    }

    return {
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== "MemberExpression") return;
        const method = memberName(callee);
        if (method === undefined || (method !== "write" && !STDOUT_CONSOLE.has(method))) return;
        const scope = sdk.scopeOf(node);
        if (STDOUT_CONSOLE.has(method) && isConsole(callee.object, scope)) {
          if (guardedConsole.has(method)) return;
          if ((method === "group" || method === "groupCollapsed") && node.arguments.length === 0) return;
          if (exempt(node) || exitsRightAfter(node) || afterClose(node)) return;
          context.report({
            node: callee,
            messageId: "console",
            data: { method },
            suggest: REPLACEABLE.has(method) && !callee.computed ? useConsoleError(callee) : [],
          });
          return;
        }
        if (method === "write" && isProcessStdout(callee.object, scope, sdk)) {
          if (stdoutWriteGuarded || exempt(node) || exitsRightAfter(node) || afterClose(node)) return;
          const stdout = unwrapExpression(callee.object);
          const fix: TSESLint.ReportSuggestionArray<MessageIds> =
            stdout.type === "MemberExpression" && !stdout.computed
              ? [{ messageId: "useStderr", data: { replacement: "process.stderr.write()" }, fix: (fixer) => fixer.replaceText(stdout.property, "stderr") }]
              : [];
          context.report({ node: callee, messageId: "stdoutWrite", suggest: fix });
        }
      },
    };
  },
});
