import { hasSplat, keywordArg, positionalArgs, stringValue, type PyFile } from "../../code/python/analysis.js";
import type { Node } from "../../code/python/parser.js";
import type { Fix } from "../../model/finding.js";
import { COMMAND_LINE_PROGRAMS, PLAIN_TOKEN, programName } from "../../util/commands.js";
import { echo } from "../../util/secrets.js";
import { definePythonRule } from "./types.js";

type MessageIds = "commandLine" | "argsLine" | "notParams";

/** Words that, written first in a one-item args list, start a sub-command line (`"run weather.py"`). */
const SUBCOMMANDS = new Set(["run", "serve", "start", "dev", "exec", "-m", "tool"]);
const SCRIPT = /\.(?:py|js|mjs|cjs|ts|sh|jar)$/i;

/** A `command` string that is a whole command line (not an executable path that merely holds spaces). */
function commandLineTokens(text: string): string[] | undefined {
  const t = text.trim();
  if (!/\s/.test(t)) return undefined;
  const tokens = t.split(/\s+/);
  const first = tokens[0]!;
  const rest = tokens.slice(1);
  const isLine = COMMAND_LINE_PROGRAMS.has(programName(first)) || rest.some((w) => w.startsWith("-") || SCRIPT.test(w)) || /^["']/.test(t);
  return isLine ? tokens : undefined;
}

/** A one-item args list holding several arguments: `["run, weather.py"]`, `["-y @scope/pkg"]`, `["run server.py"]`. */
function argsLineTokens(text: string): string[] | undefined {
  const t = text.trim();
  if (!/[\s,]/.test(t)) return undefined;
  const tokens = t.split(/\s*,\s*|\s+/).filter(Boolean);
  if (tokens.length < 2 || !tokens.every((w) => PLAIN_TOKEN.test(w))) return undefined;
  const commaList = /^[^,\s]+(?:\s*,\s*[^,\s]+)+$/.test(t);
  const isLine = commaList || tokens[0]!.startsWith("-") || SUBCOMMANDS.has(tokens[0]!) || tokens.some((w) => SCRIPT.test(w));
  return isLine ? tokens : undefined;
}

function quoteOf(literal: Node): string {
  return /^[A-Za-z]*'/.test(literal.text) ? "'" : '"';
}

/** `command="npx -y pkg"` → `command="npx", args=["-y", "pkg"]`, or the words put in front of a literal args list. */
function commandFix(file: PyFile, call: Node, literal: Node, tokens: string[]): Fix | undefined {
  if (!tokens.every((t) => PLAIN_TOKEN.test(t)) || !/^["']/.test(literal.text)) return undefined;
  const q = quoteOf(literal);
  const quoted = (t: string): string => `${q}${t}${q}`;
  const [program, ...rest] = tokens;
  const args = keywordArg(call, "args");
  if (!args) {
    if (literal.parent?.type !== "keyword_argument" || hasSplat(call) || positionalArgs(call).length > 0) return undefined;
    return { range: [literal.startIndex, literal.endIndex], text: `${quoted(program!)}, args=[${rest.map(quoted).join(", ")}]` };
  }
  if (args.type !== "list" || args.startIndex < literal.endIndex) return undefined;
  const middle = file.text.slice(literal.endIndex, args.startIndex + 1);
  const sep = args.namedChildren.some((c) => c && c.type !== "comment") ? ", " : "";
  return { range: [literal.startIndex, args.startIndex + 1], text: `${quoted(program!)}${middle}${rest.map(quoted).join(", ")}${sep}` };
}

export const noStdioCommandLine = definePythonRule<MessageIds>({
  meta: {
    id: "no-stdio-command-line",
    description: "StdioClientTransport `command` is one program, not a command line: put the arguments in `args`",
    severity: "error",
    recommended: true,
    fixable: true,
    messages: {
      commandLine:
        "command is a whole command line ({{program}} and {{count}} more words), but {{api}} starts it without a shell (anyio.open_process([command, *args])), so it looks for a program named after the whole string and fails with FileNotFoundError. Set command to {{program}} and put the other words in args.",
      argsLine:
        "args holds one string that is a whole command line ({{count}} words separated by {{separators}}): the server gets it as ONE argument, separators included, and does not understand it. Write each word as its own list item.",
      notParams:
        "stdio_client takes one StdioServerParameters, not {{what}}: this raises {{error}} before any process starts. Use stdio_client(StdioServerParameters(command=..., args=[...])).",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ file, report }) {
    for (const call of file.callsOf("stdio-params", "stdio-transport", "stdio-client")) {
      const node = call.node;
      if (call.symbol.role === "stdio-client") {
        const command = keywordArg(node, "command");
        const first = positionalArgs(node)[0];
        if (command) report({ messageId: "notParams", data: { what: "command=", error: "TypeError (unexpected keyword argument 'command')" }, node: command.parent ?? command });
        else if (first && (first.type === "string" || first.type === "list")) {
          report({ messageId: "notParams", data: { what: `a ${first.type === "string" ? "string" : "list"}`, error: `AttributeError ('${first.type === "string" ? "str" : "list"}' object has no attribute 'command')` }, node: first });
        }
        continue;
      }
      // fastmcp's PythonStdioTransport / NodeStdioTransport take a script path, not a command.
      const plainStdio = call.symbol.role === "stdio-params" || /(?:^|\.)StdioTransport$/.test(file.qualify(call.callee) ?? "");
      if (!plainStdio) continue;
      const api = call.symbol.role === "stdio-params" ? "StdioServerParameters (stdio_client)" : "fastmcp's StdioTransport (the mcp stdio_client)";
      const command = keywordArg(node, "command") ?? (call.symbol.role === "stdio-transport" ? positionalArgs(node)[0] : undefined);
      const commandText = stringValue(command);
      const tokens = commandText !== undefined ? commandLineTokens(commandText) : undefined;
      if (command && tokens) {
        const fix = commandFix(file, node, command, tokens);
        report({ messageId: "commandLine", data: { program: echo(tokens[0]!, "the program"), count: tokens.length - 1, api }, node: command, ...(fix ? { fix } : {}) });
      }
      const args = keywordArg(node, "args") ?? (call.symbol.role === "stdio-transport" ? positionalArgs(node)[1] : undefined);
      if (args?.type !== "list") continue;
      const items = args.namedChildren.filter((c): c is Node => !!c && c.type !== "comment");
      if (items.length !== 1) continue;
      const value = stringValue(items[0]);
      const words = value !== undefined ? argsLineTokens(value) : undefined;
      if (!words) continue;
      const q = quoteOf(items[0]!);
      report({
        messageId: "argsLine",
        data: {
          count: words.length,
          separators: value!.includes(",") ? "commas" : "spaces",
        },
        node: items[0]!,
        fix: { range: [items[0]!.startIndex, items[0]!.endIndex], text: words.map((w) => `${q}${w}${q}`).join(", ") },
      });
    }
  },
});
