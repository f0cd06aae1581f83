import type { TSESTree } from "@typescript-eslint/utils";
import { namedLikeServer, sdkFile, type SdkFile } from "../../code/js/analysis.js";
import { constInit, findVariableFrom, isFunction, nodesOfType, objectLiteral, objectProperty, staticString, unwrapExpression, walk, type FunctionNode, type Node, type Variable } from "../../code/js/ast.js";
import { memberName, resolveImport } from "../../code/js/imports.js";
import { programName, SHELL_COMMAND_FLAGS, SHELL_PROGRAMS } from "../../util/commands.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "shellCommand" | "shellOption" | "shellWrapper";
type Options = [];

const CHILD_PROCESS = ["child_process", "node:child_process"];
/** Run their first argument through `/bin/sh -c` (`cmd.exe /d /s /c` on Windows). */
const SHELL_RUNNERS = new Set(["exec", "execSync"]);
/** Run a program with an argv array; a shell only with `shell: true` (or when the program is a shell given `-c`). */
const SPAWNERS = new Set(["spawn", "spawnSync", "execFile", "execFileSync"]);
const PROMISIFY = ["util", "node:util"];
/** String methods whose result still holds the text of their receiver. */
const STRING_METHODS = new Set([
  "trim", "trimStart", "trimEnd", "toLowerCase", "toUpperCase", "replace", "replaceAll", "slice", "substring", "substr",
  "concat", "padStart", "padEnd", "split", "join", "map", "filter", "toString", "normalize", "repeat", "at", "flat",
]);
/** Functions of the global scope and of `path` whose result holds the text of their arguments. */
const PASS_THROUGH = new Set(["String", "join", "resolve", "normalize", "format"]);
/** Re-bindings of tool input followed through one handler (assignment chains). */
const MAX_PASSES = 8;
const MAX_NODES = 20_000;
/** Functions followed from one handler (helpers it hands its input to, transitively). */
const MAX_HELPERS = 8;

interface Handler {
  fn: FunctionNode;
  /** What registers it: `registerTool`, `tool`, `setRequestHandler(CallToolRequestSchema)`. */
  via: string;
}

/** The tool handlers the file registers on an MCP server. */
function toolHandlers(sdk: SdkFile): Handler[] {
  const out: Handler[] = [];
  for (const call of nodesOfType(sdk.sourceCode, "CallExpression")) {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== "MemberExpression") continue;
    const method = memberName(callee);
    if (method !== "registerTool" && method !== "tool" && method !== "setRequestHandler") continue;
    if (!isServer(sdk, callee.object)) continue;
    const last = call.arguments[call.arguments.length - 1];
    const callback = last && unwrapExpression(last);
    // An inline callback, or a function of this file named there (`registerTool("x", config, handleX)`).
    const fn = callback && (isFunction(callback) ? callback : callback.type === "Identifier" ? localFunction(findVariableFrom(sdk.scopeOf(callback), callback.name)) : undefined);
    if (!fn) continue;
    if (method === "setRequestHandler") {
      const schema = call.arguments[0];
      if (!schema || schema.type === "SpreadElement" || call.arguments.length !== 2) continue;
      const r = resolveImport(sdk.imports, schema, sdk.scopeOf(schema));
      const literal = staticString(schema, sdk.scopeOf(schema));
      if (r?.name !== "CallToolRequestSchema" && !(literal?.complete && literal.value === "tools/call")) continue;
      out.push({ fn, via: "setRequestHandler(CallToolRequestSchema)" });
      continue;
    }
    if (method === "registerTool") {
      // registerTool(name, config, cb): without an inputSchema the callback's first parameter is the request context.
      const config = call.arguments.length === 3 ? call.arguments[1] : undefined;
      const obj = config && config.type !== "SpreadElement" ? objectLiteral(config, sdk.scopeOf(config)) : undefined;
      if (obj && !objectProperty(obj, "inputSchema") && !obj.properties.some((p) => p.type === "SpreadElement")) continue;
    } else {
      // tool(name, cb) / tool(name, description, cb): the callback gets only the request context.
      const second = call.arguments[1];
      if (call.arguments.length < 3) continue;
      if (call.arguments.length === 3 && second && second.type !== "SpreadElement" && staticString(second, sdk.scopeOf(second))) continue;
    }
    out.push({ fn, via: method });
  }
  return out;
}

/** The receiver holds an MCP server: constructed or declared as one here, or named like one (`server`, `this.mcp`). */
function isServer(sdk: SdkFile, receiver: Node): boolean {
  return sdk.classesOf(receiver).some((c) => c.symbol.role === "server") || namedLikeServer(receiver);
}

/** The variables bound by a parameter pattern (`args`, `{ path, cmd }`, `[a, b]`, `x = 1`). */
function patternVariables(sdk: SdkFile, pattern: Node, into: Set<Variable>): void {
  walk(pattern, sdk.sourceCode.visitorKeys, (n) => {
    if (n.type === "AssignmentPattern") {
      patternVariables(sdk, n.left, into);
      return false;
    }
    if (n.type === "Property") {
      patternVariables(sdk, n.value, into);
      return false;
    }
    if (n.type === "Identifier") {
      const v = findVariableFrom(sdk.scopeOf(n), n.name);
      if (v && v.defs.some((d) => d.name === n)) into.add(v);
    }
    return undefined;
  });
}

/** Per handler: which variables hold tool input, and whether an expression carries it into a string. */
class Taint {
  readonly vars = new Set<Variable>();
  constructor(private readonly sdk: SdkFile) {}

  /** The tainted identifier an expression's text comes from, or undefined. */
  source(node: Node | null | undefined, depth = 0): TSESTree.Identifier | undefined {
    if (!node || depth > 24) return undefined;
    const n = unwrapExpression(node);
    switch (n.type) {
      case "Identifier": {
        const v = findVariableFrom(this.sdk.scopeOf(n), n.name);
        return v && this.vars.has(v) ? n : undefined;
      }
      case "MemberExpression": {
        const name = memberName(n);
        if (name === "length") return undefined;
        return this.source(n.object, depth + 1);
      }
      case "TemplateLiteral":
        for (const e of n.expressions) {
          const s = this.source(e, depth + 1);
          if (s) return s;
        }
        return undefined;
      case "BinaryExpression":
        return n.operator === "+" ? (this.source(n.left as Node, depth + 1) ?? this.source(n.right, depth + 1)) : undefined;
      case "LogicalExpression":
        return this.source(n.left, depth + 1) ?? this.source(n.right, depth + 1);
      case "ConditionalExpression":
        return this.source(n.consequent, depth + 1) ?? this.source(n.alternate, depth + 1);
      case "AwaitExpression":
        return this.source(n.argument, depth + 1);
      case "ArrayExpression":
        for (const e of n.elements) {
          const s = e && this.source(e.type === "SpreadElement" ? e.argument : e, depth + 1);
          if (s) return s;
        }
        return undefined;
      case "CallExpression": {
        const callee = unwrapExpression(n.callee);
        if (callee.type === "MemberExpression") {
          const method = memberName(callee) ?? "";
          if (!STRING_METHODS.has(method) && !PASS_THROUGH.has(method)) return undefined;
          // `input.trim()`, `[a, b].join(" ")`, `"x ".concat(input)`, `path.join(dir, input)`
          const fromReceiver = STRING_METHODS.has(method) ? this.source(callee.object, depth + 1) : undefined;
          if (fromReceiver) return fromReceiver;
          if (method === "map" || method === "filter") return undefined;
          for (const a of n.arguments) {
            const s = this.source(a.type === "SpreadElement" ? a.argument : a, depth + 1);
            if (s) return s;
          }
          return undefined;
        }
        if (callee.type === "Identifier" && callee.name === "String") return n.arguments[0] && this.source(n.arguments[0], depth + 1);
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** Follows assignments inside the handler until no new variable takes tool input (bounded). */
  spread(fn: FunctionNode): void {
    const writes: Array<{ target: Node; value: Node }> = [];
    let count = 0;
    walk(fn.body, this.sdk.sourceCode.visitorKeys, (n) => {
      if (++count > MAX_NODES) return false;
      if (n.type === "VariableDeclarator" && n.init) writes.push({ target: n.id, value: n.init });
      else if (n.type === "AssignmentExpression" && (n.operator === "=" || n.operator === "+=")) writes.push({ target: n.left, value: n.right });
      else if ((n.type === "ForOfStatement" || n.type === "ForInStatement") && n.left.type === "VariableDeclaration") {
        const id = n.left.declarations[0]?.id;
        if (id) writes.push({ target: id, value: n.right });
      }
      return undefined;
    });
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const before = this.vars.size;
      for (const w of writes) {
        if (!this.source(w.value)) continue;
        if (w.target.type === "Identifier") {
          const v = findVariableFrom(this.sdk.scopeOf(w.target), w.target.name);
          if (v) this.vars.add(v);
        } else patternVariables(this.sdk, w.target, this.vars);
      }
      if (this.vars.size === before) break;
    }
  }
}

/** The function a variable is: `function f() {}`, `const f = (...) => {}` / `function () {}`. */
function localFunction(variable: Variable | undefined): FunctionNode | undefined {
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === "FunctionName" && def.node.type === "FunctionDeclaration") return def.node;
  const init = constInit(variable);
  const fn = init && unwrapExpression(init);
  return fn && isFunction(fn) ? fn : undefined;
}

/** What child_process function a callee names: `exec`, `cp.exec`, `promisify(exec)` kept in a const. */
function childProcessFunction(sdk: SdkFile, callee: Node, depth = 0): string | undefined {
  const c = unwrapExpression(callee);
  const r = resolveImport(sdk.imports, c as TSESTree.Node, sdk.scopeOf(c));
  if (r && CHILD_PROCESS.includes(r.module) && r.name !== "*") return r.name;
  // A member (`cp.exec` with `const cp = require(...)`) is resolveImport's; `(await import(...)).exec` is not followed.
  if (r) return undefined;
  if (c.type !== "Identifier" || depth > 2) return undefined;
  const init = constInit(findVariableFrom(sdk.scopeOf(c), c.name));
  const call = init && unwrapExpression(init);
  if (call?.type !== "CallExpression" || call.arguments.length !== 1) return undefined;
  const p = resolveImport(sdk.imports, call.callee, sdk.scopeOf(call));
  if (!p || !PROMISIFY.includes(p.module) || p.name !== "promisify") return undefined;
  const inner = call.arguments[0]!;
  return inner.type === "SpreadElement" ? undefined : childProcessFunction(sdk, inner, depth + 1);
}

/** `shell: true`, `shell: "/bin/bash"`, `shell: isWindows`: anything but false / undefined / null / "". */
function shellOption(sdk: SdkFile, call: TSESTree.CallExpression): TSESTree.Property | undefined {
  for (const a of call.arguments.slice(1)) {
    if (a.type === "SpreadElement") continue;
    const obj = objectLiteral(a, sdk.scopeOf(a));
    const shell = obj && objectProperty(obj, "shell");
    if (!shell) continue;
    const v = unwrapExpression(shell.value);
    if (v.type === "Literal" && (v.value === false || v.value === null || v.value === "" || v.value === 0)) return undefined;
    if (v.type === "Identifier" && v.name === "undefined") return undefined;
    return shell;
  }
  return undefined;
}

export const noToolInputInShell = createCodeRule<Options, MessageIds>({
  name: "no-tool-input-in-shell",
  meta: {
    type: "problem",
    docs: {
      description: "A tool handler must not pass its arguments into a shell command (exec, spawn with shell: true, sh -c): command injection",
      recommended: true,
      severity: "error",
      securitySeverity: 8.8,
    },
    messages: {
      shellCommand:
        "{{call}}() runs this string through a shell (/bin/sh -c, cmd.exe on Windows), and it is built from `{{source}}`, which holds the tool input of the {{via}} handler{{helper}}: whoever writes the tool arguments (the model, a prompt injection in what it read, any client of the server) can run any command here (`; rm -rf ~`, `$(curl …)`). Run the program with an argument array and no shell: execFile/spawn(program, [arg, …]), and validate the value.",
      shellOption:
        "{{call}}() with `shell` enabled joins the program and its arguments into one shell command line, and `{{source}}`, which holds the tool input of the {{via}} handler{{helper}}, is in it: whoever writes the tool arguments (the model, a prompt injection, any client) can run any command here. Drop `shell` so each argument reaches the program as it is, and validate the value.",
      shellWrapper:
        "{{call}}() runs {{shell}} {{flag}} with a command built from `{{source}}`, which holds the tool input of the {{via}} handler{{helper}}: the shell parses it, so whoever writes the tool arguments (the model, a prompt injection, any client) can run any command here. Run the program itself with an argument array, and validate the value.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    const text = sdk.sourceCode.text;
    if (!text.includes("child_process")) return {};
    return {
      Program() {
        const reported = new Set<Node>();

        const scan = (fn: FunctionNode, taint: Taint, via: string, helper: string, seen: Set<Node>): void => {
          let count = 0;
          walk(fn.body, sdk.sourceCode.visitorKeys, (n) => {
            if (++count > MAX_NODES) return false;
            if (n.type !== "CallExpression") return undefined;
            const name = childProcessFunction(sdk, n.callee);
            if (!name) {
              if (seen.size < MAX_HELPERS) followHelper(n, taint, via, seen);
              return undefined;
            }
            const call = context.sourceCode.getText(n.callee as TSESTree.Node);
            const cmd = n.arguments[0];
            if (!cmd || cmd.type === "SpreadElement") return undefined;
            const data = { call, via, helper };
            if (SHELL_RUNNERS.has(name)) {
              const s = taint.source(cmd);
              if (s && !reported.has(cmd)) {
                reported.add(cmd);
                context.report({ node: cmd, messageId: "shellCommand", data: { ...data, source: s.name } });
              }
              return undefined;
            }
            if (!SPAWNERS.has(name)) return undefined;
            const argv = n.arguments[1] && n.arguments[1].type !== "SpreadElement" ? unwrapExpression(n.arguments[1]) : undefined;
            const shell = shellOption(sdk, n);
            if (shell) {
              const s = taint.source(cmd) ?? (argv?.type === "ArrayExpression" || argv?.type === "Identifier" ? taint.source(argv) : undefined);
              if (s && !reported.has(n)) {
                reported.add(n);
                context.report({ node: shell, messageId: "shellOption", data: { ...data, source: s.name } });
              }
              return undefined;
            }
            // execFile("sh", ["-c", `... ${input}`])
            const program = staticString(cmd, sdk.scopeOf(cmd));
            if (!program?.complete || !SHELL_PROGRAMS.has(programName(program.value.trim())) || argv?.type !== "ArrayExpression") return undefined;
            const flagAt = argv.elements.findIndex((e) => {
              const f = e && e.type !== "SpreadElement" ? staticString(e, sdk.scopeOf(e)) : undefined;
              return !!f?.complete && SHELL_COMMAND_FLAGS.has(f.value.toLowerCase());
            });
            const script = flagAt >= 0 ? argv.elements[flagAt + 1] : undefined;
            if (!script || script.type === "SpreadElement") return undefined;
            const s = taint.source(script);
            if (s && !reported.has(script)) {
              reported.add(script);
              const flag = argv.elements[flagAt] as Node;
              context.report({
                node: script,
                messageId: "shellWrapper",
                data: { ...data, source: s.name, shell: program.value.trim(), flag: staticString(flag, sdk.scopeOf(flag))!.value },
              });
            }
            return undefined;
          });
        };

        /** `helper(input)` of a function declared in this file: its matching parameters hold tool input too. */
        const followHelper = (call: TSESTree.CallExpression, taint: Taint, via: string, seen: Set<Node>): void => {
          const callee = unwrapExpression(call.callee);
          if (callee.type !== "Identifier") return;
          const fn = localFunction(findVariableFrom(sdk.scopeOf(callee), callee.name));
          if (!fn || seen.has(fn)) return;
          const inner = new Taint(sdk);
          fn.params.forEach((p, i) => {
            const a = call.arguments[i];
            if (!a || a.type === "SpreadElement" || p.type === "RestElement" || !taint.source(a)) return;
            patternVariables(sdk, p.type === "TSParameterProperty" ? p.parameter : p, inner.vars);
          });
          if (inner.vars.size === 0) return;
          seen.add(fn);
          inner.spread(fn);
          scan(fn, inner, via, ` (in \`${callee.name}\`, which it calls with it)`, seen);
        };

        for (const handler of toolHandlers(sdk)) {
          const taint = new Taint(sdk);
          const first = handler.fn.params[0];
          if (!first) continue;
          patternVariables(sdk, first.type === "TSParameterProperty" ? first.parameter : first, taint.vars);
          if (taint.vars.size === 0) continue;
          taint.spread(handler.fn);
          scan(handler.fn, taint, handler.via, "", new Set<Node>([handler.fn]));
        }
      },
    };
  },
});
