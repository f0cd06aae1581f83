import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { sdkFile } from "../../code/js/analysis.js";
import { hasSpread, objectLiteral, objectProperty, staticString, unwrapExpression } from "../../code/js/ast.js";
import { COMMAND_LINE_PROGRAMS as PROGRAMS, PLAIN_TOKEN, programName } from "../../util/commands.js";
import { echo } from "../../util/secrets.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "commandLine";
type Options = [];

export const noStdioCommandLine = createCodeRule<Options, MessageIds>({
  name: "no-stdio-command-line",
  meta: {
    type: "problem",
    docs: {
      description: "StdioClientTransport `command` is one program, not a command line: put the arguments in `args`",
      recommended: true,
      severity: "error",
    },
    fixable: "code",
    messages: {
      commandLine:
        "command is a whole command line ({{program}} and {{count}} more words), but StdioClientTransport starts it without a shell (cross-spawn, shell: false), so it looks for a program named after the whole string and fails with ENOENT. Set command to {{program}} and put the other words in args.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    return {
      Program() {
        for (const c of sdk.constructions) {
          if (c.resolved.symbol.role !== "stdio-client-transport") continue;
          const arg = c.node.arguments[0];
          if (!arg || arg.type === "SpreadElement") continue;
          const obj = objectLiteral(arg, sdk.scopeOf(arg));
          if (!obj) continue;
          const commandProp = objectProperty(obj, "command");
          if (!commandProp) continue;
          const value = unwrapExpression(commandProp.value);
          const s = staticString(value, sdk.scopeOf(value));
          if (!s || s.node !== value) continue; // only the literal written here
          const text = s.value.trim();
          if (!/\s/.test(text)) continue;
          const tokens = text.split(/\s+/);
          const first = tokens[0]!;
          const isCommandLine = PROGRAMS.has(programName(first)) || tokens.slice(1).some((t) => t.startsWith("-")) || /^["']/.test(text);
          if (!isCommandLine) continue; // a path with spaces ("/Applications/My App/server")
          const fix = s.complete && value.type === "Literal" ? buildFix(obj, commandProp, value, tokens) : undefined;
          context.report({
            node: value as TSESTree.Node,
            messageId: "commandLine",
            data: { program: echo(first, "the program"), count: tokens.length - 1 },
            ...(fix ? { fix } : {}),
          });
        }
      },
    };
  },
});

/** `command: "npx -y pkg"` → `command: "npx", args: ["-y", "pkg"]` (or the tokens prepended to a literal args array). */
function buildFix(
  obj: TSESTree.ObjectExpression,
  commandProp: TSESTree.Property,
  literal: TSESTree.Literal,
  tokens: string[],
): TSESLint.ReportFixFunction | undefined {
  if (!tokens.every((t) => PLAIN_TOKEN.test(t))) return undefined;
  const q = literal.raw.startsWith("'") ? "'" : '"';
  const quote = (t: string): string => `${q}${t}${q}`;
  const [program, ...rest] = tokens;
  const argsProp = objectProperty(obj, "args");
  if (!argsProp) {
    if (hasSpread(obj) || commandProp.shorthand) return undefined;
    return (fixer) => [fixer.replaceText(literal, quote(program!)), fixer.insertTextAfter(commandProp, `, args: [${rest.map(quote).join(", ")}]`)];
  }
  const args = unwrapExpression(argsProp.value);
  if (args.type !== "ArrayExpression" || argsProp.shorthand) return undefined;
  const insert = rest.map(quote).join(", ") + (args.elements.length > 0 ? ", " : "");
  return (fixer) => [
    fixer.replaceText(literal, quote(program!)),
    args.elements.length > 0 && args.elements[0]
      ? fixer.insertTextBefore(args.elements[0], insert)
      : fixer.replaceText(args, `[${insert}]`),
  ];
}
