import { keywordArg, methodName, methodObject, moduleImports, positionalArgs, qualifyChain, stringValue } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import { decoratedHandlers, receiversOf } from "../../code/python/receivers.js";
import { programName, SHELL_COMMAND_FLAGS, SHELL_PROGRAMS } from "../../util/commands.js";
import { definePythonRule } from "./types.js";

type MessageIds = "shellCommand" | "shellTrue" | "shellWrapper";

const MODULES = new Set(["os", "subprocess", "asyncio"]);
/** Run their first argument through the shell, always. */
const ALWAYS_SHELL = new Set(["os.system", "os.popen", "asyncio.create_subprocess_shell", "subprocess.getoutput", "subprocess.getstatusoutput"]);
/** Run a shell only with `shell=True`. */
const SUBPROCESS = new Set(["subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen"]);
/** Run an argv list (no shell), unless the program is a shell given `-c`. */
const ARGV_RUNNERS = new Set([...SUBPROCESS, "asyncio.create_subprocess_exec"]);
/** Programs that only run on Windows, where shell=True joins a list into one cmd.exe command line. */
const WINDOWS_PROGRAM = /^(?:.*[\\/])?(?:powershell|pwsh|cmd)(?:\.exe)?$|\.(?:exe|bat|cmd)$/i;
/** Tool-registering decorators whose function parameters are the tool arguments. */
const TOOL_DECORATORS = new Set(["tool", "call_tool"]);
/** str methods whose result still holds the text of the receiver (or, for `" ".join(x)` / `"{}".format(x)`, of the arguments). */
const STRING_METHODS = new Set([
  "strip", "lstrip", "rstrip", "lower", "upper", "casefold", "replace", "format", "join", "split", "rsplit", "splitlines",
  "removeprefix", "removesuffix", "expandtabs", "ljust", "rjust", "center", "zfill", "title", "capitalize", "encode", "decode", "get",
]);
/** Functions whose result holds the text of their arguments. */
const PASS_THROUGH = new Set(["str", "os.path.join", "os.path.expanduser", "os.path.abspath", "os.path.normpath", "os.fspath"]);
const MAX_PASSES = 8;
const MAX_DEPTH = 24;
/** Functions followed from one handler (helpers it hands its arguments to, transitively). */
const MAX_HELPERS = 8;

/** Names a parameter list binds that carry tool input (not `self`, `ctx: Context`). */
function inputParameters(fn: Node): Set<string> {
  const out = new Set<string>();
  for (const p of fn.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!p) continue;
    const id = p.type === "identifier" ? p : p.namedChildren.find((c) => c?.type === "identifier");
    if (!id) continue;
    const type = p.childForFieldName("type")?.text ?? "";
    if (id.text === "self" || id.text === "cls" || /\bContext\b/.test(type) || /^(?:ctx|context)$/.test(id.text)) continue;
    out.add(id.text);
  }
  return out;
}

class Taint {
  /** Values assigned to each plain name in the handler (to see that `cmd` is a list). */
  readonly assigned = new Map<string, Node[]>();
  constructor(
    readonly names: Set<string>,
    private readonly lookup: (name: string) => string | undefined,
  ) {}

  /** The tainted name an expression's text comes from, or undefined. */
  source(node: Node | null | undefined, depth = 0): string | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case "identifier":
        return this.names.has(node.text) ? node.text : undefined;
      case "attribute":
        return this.source(node.childForFieldName("object"), depth + 1);
      case "subscript":
        return this.source(node.childForFieldName("value"), depth + 1);
      case "string":
        for (const c of node.namedChildren) {
          if (c?.type !== "interpolation") continue;
          const s = this.source(c.childForFieldName("expression") ?? c.namedChildren[0], depth + 1);
          if (s) return s;
        }
        return undefined;
      case "binary_operator": {
        const op = node.childForFieldName("operator")?.text;
        if (op !== "+" && op !== "%") return undefined;
        return this.source(node.childForFieldName("left"), depth + 1) ?? this.source(node.childForFieldName("right"), depth + 1);
      }
      case "concatenated_string":
      case "parenthesized_expression":
      case "await":
      case "list":
      case "tuple":
      case "conditional_expression":
      case "boolean_operator":
      case "list_splat":
        for (const c of node.namedChildren) {
          // `a if cond else b`: the condition is not part of the value.
          if (node.type === "conditional_expression" && c?.id === node.namedChildren[1]?.id) continue;
          const s = this.source(c, depth + 1);
          if (s) return s;
        }
        return undefined;
      case "call": {
        const callee = node.childForFieldName("function");
        const args = node.childForFieldName("arguments");
        const method = methodName(callee);
        const q = qualifyChain(callee, this.lookup, 8) ?? (callee?.type === "identifier" ? callee.text : undefined);
        if (q !== undefined && PASS_THROUGH.has(q)) return this.fromArgs(args, depth);
        if (method === undefined || !STRING_METHODS.has(method)) return undefined;
        return this.source(methodObject(callee), depth + 1) ?? (method === "join" || method === "format" ? this.fromArgs(args, depth) : undefined);
      }
      default:
        return undefined;
    }
  }

  /** The list or tuple an argument is: written there, or the one value of a name assigned once. */
  listOf(node: Node): Node | undefined {
    const value = node.type === "identifier" && this.assigned.get(node.text)?.length === 1 ? this.assigned.get(node.text)![0]! : node;
    return value.type === "list" || value.type === "tuple" ? value : undefined;
  }

  private fromArgs(args: Node | null, depth: number): string | undefined {
    for (const a of args?.namedChildren ?? []) {
      const s = this.source(a?.type === "keyword_argument" ? a.childForFieldName("value") : a, depth + 1);
      if (s) return s;
    }
    return undefined;
  }

  /** Names assigned from tool input inside the handler, followed through assignment chains (bounded). */
  spread(fn: Node): void {
    const body = fn.childForFieldName("body");
    if (!body) return;
    const writes: Array<{ target: Node; value: Node }> = [];
    for (const a of body.descendantsOfType(["assignment", "augmented_assignment", "for_statement", "named_expression"])) {
      if (!a) continue;
      const target = a.childForFieldName(a.type === "named_expression" ? "name" : "left");
      const value = a.childForFieldName(a.type === "for_statement" ? "right" : a.type === "named_expression" ? "value" : "right");
      if (target && value) writes.push({ target, value });
      if (a.type === "assignment" && target?.type === "identifier" && value) this.assigned.set(target.text, [...(this.assigned.get(target.text) ?? []), value]);
    }
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const before = this.names.size;
      for (const w of writes) {
        if (!this.source(w.value)) continue;
        if (w.target.type === "identifier") this.names.add(w.target.text);
        else for (const id of w.target.descendantsOfType("identifier")) if (id && id.parent?.type !== "attribute") this.names.add(id.text);
      }
      if (this.names.size === before) break;
    }
  }
}

export const noToolInputInShellPython = definePythonRule<MessageIds>({
  meta: {
    id: "no-tool-input-in-shell",
    description: "A tool handler must not pass its arguments into a shell command (exec, spawn with shell: true, sh -c): command injection",
    severity: "error",
    recommended: true,
    securitySeverity: 8.8,
    messages: {
      shellCommand:
        "{{call}}() runs this string through a shell (/bin/sh -c, cmd.exe on Windows), and it is built from `{{source}}`, which holds the tool input of the tool handler `{{handler}}`{{via}}: whoever writes the tool arguments (the model, a prompt injection in what it read, any client of the server) can run any command here (`; rm -rf ~`, `$(curl …)`). Run the program with an argument list and no shell (subprocess.run([program, arg, …]), asyncio.create_subprocess_exec), and validate the value.",
      shellTrue:
        "{{call}}(..., shell=True) runs this through a shell, and it is built from `{{source}}`, which holds the tool input of the tool handler `{{handler}}`{{via}}: whoever writes the tool arguments (the model, a prompt injection, any client) can run any command here. Pass an argument list without shell=True (subprocess.run([program, arg, …])), and validate the value.",
      shellWrapper:
        "{{call}}() runs {{shell}} {{flag}} with a command built from `{{source}}`, which holds the tool input of the tool handler `{{handler}}`{{via}}: the shell parses it, so whoever writes the tool arguments (the model, a prompt injection, any client) can run any command here. Run the program itself with an argument list, and validate the value.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    const imports = moduleImports(file, MODULES);
    if (imports.size === 0) return;
    const lookup = (name: string): string | undefined => imports.get(name);
    const servers = receiversOf(file, "server", "lowlevel-server");
    if (servers.length === 0) return;
    // Plain functions of the file by name, for helpers a handler hands its arguments to.
    const defs = new Map<string, Node[]>();
    for (const fn of file.nodes("function_definition")) {
      const name = fn.childForFieldName("name")?.text;
      if (name && fn.parent?.type !== "class_definition" && fn.parent?.parent?.type !== "class_definition") defs.set(name, [...(defs.get(name) ?? []), fn]);
    }
    const reported = new Set<number>();

    function scan(fn: Node, taint: Taint, handler: string, via: string, seen: Set<number>): void {
      for (const call of fn.childForFieldName("body")?.descendantsOfType("call") ?? []) {
        if (!call || reported.has(call.id)) continue;
        const callee = call.childForFieldName("function");
        if (callee?.type === "identifier" && seen.size < MAX_HELPERS) followHelper(call, callee.text, taint, handler, seen);
        const q = qualifyChain(callee, lookup, 8);
        if (q === undefined) continue;
        const first = positionalArgs(call)[0] ?? keywordArg(call, q.startsWith("subprocess.") ? "args" : "cmd") ?? keywordArg(call, "command");
        if (!first) continue;
        const data = { call: callee!.text, handler, via };
        if (ALWAYS_SHELL.has(q)) {
          const s = taint.source(first);
          if (s) {
            reported.add(call.id);
            report({ messageId: "shellCommand", data: { ...data, source: s }, node: first });
          }
          continue;
        }
        if (!ARGV_RUNNERS.has(q)) continue;
        const shell = keywordArg(call, "shell");
        if (SUBPROCESS.has(q) && shell && shell.type !== "false" && shell.type !== "none" && !(shell.type === "integer" && shell.text === "0")) {
          // A list with shell=True: on POSIX only its first item is the shell's command (the rest become the shell's
          // $0, $1...); on Windows the list is joined into one command line. So an argument counts only in the first
          // item, or in any item when the program is a Windows one (powershell, cmd, x.exe/.bat/.cmd).
          const list = taint.listOf(first);
          const items = list?.namedChildren.filter((c): c is Node => !!c) ?? [];
          const windows = list !== undefined && WINDOWS_PROGRAM.test(stringValue(items[0]) ?? "");
          const s = list && !windows ? taint.source(items[0]) : taint.source(first);
          if (s) {
            reported.add(call.id);
            report({ messageId: "shellTrue", data: { ...data, source: s }, node: first });
          }
          continue;
        }
        // subprocess.run(["bash", "-c", f"... {x}"]) / create_subprocess_exec("sh", "-c", cmd)
        const argv = q === "asyncio.create_subprocess_exec" ? positionalArgs(call) : first.type === "list" || first.type === "tuple" ? first.namedChildren.filter((c): c is Node => !!c) : [];
        const program = stringValue(argv[0]);
        if (program === undefined || !SHELL_PROGRAMS.has(programName(program.trim()))) continue;
        const flagAt = argv.findIndex((a) => SHELL_COMMAND_FLAGS.has((stringValue(a) ?? "").toLowerCase()));
        const script = flagAt > 0 ? argv[flagAt + 1] : undefined;
        const s = taint.source(script);
        if (s && script) {
          reported.add(call.id);
          report({ messageId: "shellWrapper", data: { ...data, source: s, shell: program.trim(), flag: stringValue(argv[flagAt])! }, node: script });
        }
      }
    }

    /** `helper(x, key=y)` with tool input in x or y: the helper's matching parameters hold tool input too. */
    function followHelper(call: Node, name: string, taint: Taint, handler: string, seen: Set<number>): void {
      const targets = defs.get(name);
      if (targets?.length !== 1 || seen.has(targets[0]!.id)) return;
      const helper = targets[0]!;
      const params = (helper.childForFieldName("parameters")?.namedChildren ?? [])
        .filter((p): p is Node => !!p)
        .map((p) => (p.type === "identifier" ? p : p.namedChildren.find((c) => c?.type === "identifier"))?.text);
      const tainted = new Set<string>();
      positionalArgs(call).forEach((a, i) => {
        const param = params[i];
        if (param && taint.source(a)) tainted.add(param);
      });
      for (const a of call.childForFieldName("arguments")?.namedChildren ?? []) {
        if (a?.type !== "keyword_argument") continue;
        const key = a.childForFieldName("name")?.text;
        if (key && params.includes(key) && taint.source(a.childForFieldName("value"))) tainted.add(key);
      }
      if (tainted.size === 0) return;
      seen.add(helper.id);
      const inner = new Taint(tainted, lookup);
      inner.spread(helper);
      scan(helper, inner, handler, ` (in \`${name}\`, which it calls with it)`, seen);
    }

    for (const { fn } of decoratedHandlers(file, servers, TOOL_DECORATORS)) {
      const name = fn.childForFieldName("name")?.text ?? "";
      const taint = new Taint(inputParameters(fn), lookup);
      if (taint.names.size === 0) continue;
      taint.spread(fn);
      scan(fn, taint, name, "", new Set([fn.id]));
    }
  },
});
