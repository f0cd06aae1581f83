import type { TSESTree } from "@typescript-eslint/utils";
import { sdkFile } from "../../code/js/analysis.js";
import { nodesOfType, objectLiteral, objectProperty, staticString, unwrapExpression, type Node } from "../../code/js/ast.js";
import { isModuleObject, memberName, resolveImport } from "../../code/js/imports.js";
import { programName, SHELL_COMMAND_FLAGS, SHELL_PROGRAMS } from "../../util/commands.js";
import { createCodeRule } from "./create-rule.js";

type MessageIds = "shellWrapper" | "shellOption";
type Options = [];

const SPAWNERS = new Set(["spawn", "spawnSync", "execFile", "execFileSync"]);
const CHILD_PROCESS = ["child_process", "node:child_process", "cross-spawn"];
/** A spawn whose program looks like an MCP server launch: `config.command`, `command`, or an npx/uvx/mcp literal. */
const MCP_COMMAND_NAME = /^(?:command|cmd|serverCommand|mcpCommand)$/i;
const MCP_COMMAND_TEXT = /\b(?:npx|uvx|pnpx|bunx|mcp)\b/i;

export const noShellSpawnForMcp = createCodeRule<Options, MessageIds>({
  name: "no-shell-spawn-for-mcp",
  meta: {
    type: "problem",
    docs: {
      description: "Spawn MCP servers without a shell: StdioClientTransport (cross-spawn) needs neither `sh -c` nor `shell: true`",
      recommended: true,
      severity: "warning",
    },
    messages: {
      shellWrapper:
        "This StdioClientTransport starts the server through {{shell}} {{flag}}, which re-parses the command line: arguments from a config (package names, paths, tokens) can inject commands and break on spaces. Pass the program as command and each argument in args; cross-spawn already runs npx.cmd shims on Windows without a shell.",
      shellOption:
        "Spawning the MCP server with shell enabled lets arguments from a config inject commands (`a&calc.exe`) and breaks quoting. Use StdioClientTransport({ command, args }) or cross-spawn, which run .cmd shims on Windows without a shell, and reject CR/LF in arguments.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const sdk = sdkFile(context);
    if (!sdk) return {};
    return {
      Program() {
        // StdioClientTransport({ command: "bash", args: ["-c", "..."] })
        for (const c of sdk.constructions) {
          if (c.resolved.symbol.role !== "stdio-client-transport") continue;
          const arg = c.node.arguments[0];
          if (!arg || arg.type === "SpreadElement") continue;
          const obj = objectLiteral(arg, sdk.scopeOf(arg));
          const command = obj && objectProperty(obj, "command");
          const args = obj && objectProperty(obj, "args");
          if (!command || !args) continue;
          const program = staticString(command.value, sdk.scopeOf(command));
          if (!program?.complete) continue;
          const shell = programName(program.value.trim());
          if (!SHELL_PROGRAMS.has(shell)) continue;
          const list = unwrapExpression(args.value);
          if (list.type !== "ArrayExpression" || !list.elements[0] || list.elements[0].type === "SpreadElement") continue;
          const flag = staticString(list.elements[0], sdk.scopeOf(list));
          if (!flag?.complete || !SHELL_COMMAND_FLAGS.has(flag.value.toLowerCase())) continue;
          context.report({ node: command.value as TSESTree.Node, messageId: "shellWrapper", data: { shell: program.value.trim(), flag: flag.value } });
        }

        // spawn(config.command, config.args, { shell: true }) in a module that talks to MCP servers as a client
        if (!sdk.uses("client", "stdio-client-transport")) return;
        // A callee identifier can only resolve to an import that binds its name.
        const importedNames = new Set(sdk.imports.bindings.map((b) => b.local));
        for (const node of nodesOfType(sdk.sourceCode, "CallExpression")) {
          const callee = unwrapExpression(node.callee);
          let isSpawner = false;
          if (callee.type === "MemberExpression") {
            const name = memberName(callee);
            isSpawner = !!name && SPAWNERS.has(name) && isModuleObject(sdk.imports, callee.object, sdk.scopeOf(node), CHILD_PROCESS);
          } else if (callee.type === "Identifier" && importedNames.has(callee.name)) {
            const r = resolveImport(sdk.imports, callee, sdk.scopeOf(node));
            isSpawner = !!r && CHILD_PROCESS.includes(r.module) && (SPAWNERS.has(r.name) || (r.module === "cross-spawn" && r.name === "*"));
          }
          if (!isSpawner) continue;
          const scope = sdk.scopeOf(node);
          if (!looksLikeMcpLaunch(node.arguments[0], scope)) continue;
          const options = node.arguments.find((a, i) => i > 0 && unwrapExpression(a).type === "ObjectExpression");
          if (!options) continue;
          const shell = objectProperty(unwrapExpression(options) as TSESTree.ObjectExpression, "shell");
          if (!shell) continue;
          const v = unwrapExpression(shell.value);
          if (v.type === "Literal" && (v.value === false || v.value === null)) continue;
          if (v.type === "Identifier" && v.name === "undefined") continue;
          context.report({ node: shell as TSESTree.Node, messageId: "shellOption" });
        }
      },
    };
  },
});

function looksLikeMcpLaunch(arg: Node | undefined, scope: Parameters<typeof staticString>[1]): boolean {
  if (!arg) return false;
  const n = unwrapExpression(arg);
  if (n.type === "Identifier") return MCP_COMMAND_NAME.test(n.name) || MCP_COMMAND_TEXT.test(staticString(n, scope)?.value ?? "");
  if (n.type === "MemberExpression") return MCP_COMMAND_NAME.test(memberName(n) ?? "");
  const s = staticString(n, scope);
  return !!s && MCP_COMMAND_TEXT.test(s.value);
}
