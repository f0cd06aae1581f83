import type { Dialect } from "../../dialects/types.js";
import type { ConfigDocument } from "../../document/document.js";
import { joinPointer } from "../../document/pointer.js";
import { addMemberAfter, insertArrayItems, replaceArrayItem, replaceValue, stringArray } from "../../document/edits.js";
import type { Fix } from "../../model/finding.js";
import { mergeEdits } from "../../engine/fix.js";
import type { ServerEntry } from "../../dialects/servers.js";
import { programName } from "../../util/commands.js";
import { scalarText } from "../../util/rule-text.js";
import { echo } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";

/** Programs that are launchers or runtimes: a path to one of them followed by words is a command line. */
const LAUNCHERS = new Set([
  "node", "npx", "npm", "pnpm", "yarn", "bun", "bunx", "deno", "tsx", "ts-node",
  "python", "python3", "py", "uv", "uvx", "pipx", "poetry", "pip",
  "docker", "podman", "java", "dotnet", "go", "cargo", "ruby", "bundle", "php", "perl",
  "sh", "bash", "zsh", "cmd", "powershell", "pwsh", "env",
]);

/** Script and data files: a path followed by one of these is a program and its argument, not a path with a space. */
const SCRIPT_FILE = /\.(js|mjs|cjs|ts|mts|cts|py|pyz|rb|php|pl|jar|sh|ps1|json|ya?ml|toml)$/i;

/** Characters a shell would interpret: a line holding them cannot be split without guessing. */
const NOT_PLAIN = /["'\\|&;<>()$`*?~{}[\]!#%]/;

/**
 * Splits a command string into program + arguments when it is a whole command
 * line. Undefined when it is a single program, or a path that merely contains
 * spaces ("/Applications/My App.app/Contents/MacOS/app").
 */
export function splitCommandLine(value: string): { tokens: string[]; quoted: boolean } | undefined {
  const trimmed = value.trim();
  if (!/\s/.test(trimmed)) return undefined;
  // `"C:\Program Files\nodejs\node.exe" server.js`: a quoted program followed by arguments.
  const q = trimmed[0];
  if (q === '"' || q === "'") {
    const close = trimmed.indexOf(q, 1);
    if (close > 0 && /^\s+\S/.test(trimmed.slice(close + 1))) return { tokens: trimmed.split(/\s+/), quoted: true };
    return undefined;
  }
  const tokens = trimmed.split(/\s+/);
  const first = tokens[0]!;
  const rest = tokens.slice(1);
  if (/[\\/]/.test(first)) {
    if (!isCommandLineAfterPath(first, rest)) return undefined;
  }
  return { tokens, quoted: false };
}

function isCommandLineAfterPath(first: string, rest: string[]): boolean {
  if (LAUNCHERS.has(programName(first))) return true;
  const second = rest[0]!;
  // An option, or an absolute / explicitly relative / home path: an argument, not the rest of a file name.
  if (/^(-|\/|\.{1,2}[\\/]|~|[A-Za-z]:[\\/]|\\\\)/.test(second)) return true;
  // "C:\Program Files\nodejs\node.exe", "/Applications/My App.app/Contents/MacOS/app": the path goes on.
  if (rest.some((t) => /[\\/]/.test(t))) return false;
  return rest.some((t) => SCRIPT_FILE.test(t) || /^-/.test(t) || t.includes("="));
}

export const noCommandLine = defineConfigRule({
  meta: {
    id: "no-command-line",
    description: "`command` must name one program: its arguments go in `args`",
    severity: "error",
    recommended: true,
    fixable: true,
    messages: {
      commandLine:
        '{{client}} starts "{{commandKey}}" as one program name, without a shell, so {{value}} is not found and the server fails with {{spawn}}. Set "{{commandKey}}" to {{program}} and put each argument in "{{argsKey}}".',
      commandLineArray:
        '{{client}} starts the first item of "{{commandKey}}" as one program name, without a shell, so {{value}} is not found and the server fails with {{spawn}}. Give the program and each argument an item of their own.',
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    const commandKey = dialect.keys.command;
    for (const entry of servers) {
      const command = entry.command;
      if (!command || typeof command.value !== "string") continue;
      const split = splitCommandLine(command.value);
      if (!split) continue;
      const { tokens, quoted } = split;
      const safe = echo(command.value, "") !== "";
      const program = tokens[0]!;
      const data = {
        client: dialect.client,
        commandKey,
        argsKey: dialect.keys.args ?? "args",
        value: safe ? echo(command.value, "") : "the whole line",
        spawn: safe ? JSON.stringify(`spawn ${command.value.trim()} ENOENT`) : '"spawn ... ENOENT"',
        program: quoted ? "the program alone" : echo(program, "the program alone"),
      };
      const plain = !quoted && tokens.every((t) => !NOT_PLAIN.test(t)) && !program.includes("=");
      const fix = plain ? splitFix(entry, dialect, document, tokens) : undefined;
      report({
        messageId: dialect.commandIsArray ? "commandLineArray" : "commandLine",
        data,
        pointer: command.pointer,
        part: "value",
        ...(fix ? { fix } : {}),
      });
    }
  },
});

function splitFix(entry: ServerEntry, dialect: Dialect, document: ConfigDocument, tokens: string[]): Fix | undefined {
  const command = entry.command!;
  const [program, ...args] = tokens as [string, ...string[]];
  if (dialect.commandIsArray) {
    // opencode: ["npx -y pkg", ...] -> ["npx", "-y", "pkg", ...]; a plain string becomes the array.
    if (command.pointer.endsWith("/0") && entry.argsPointer) return replaceArrayItem(document, command.pointer, tokens);
    return replaceValue(document, command.pointer, stringArray(tokens));
  }
  const programEdit = replaceValue(document, command.pointer, scalarText(document, program));
  if (!programEdit) return undefined;
  const argsKey = dialect.keys.args;
  if (!argsKey) return undefined;
  const existing = entry.raw[argsKey];
  let argsEdit: Fix | undefined;
  if (existing === undefined) argsEdit = addMemberAfter(document, command.pointer, argsKey, stringArray(args));
  else if (Array.isArray(existing)) argsEdit = insertArrayItems(document, joinPointer(entry.pointer, argsKey), 0, args);
  if (!argsEdit) return undefined;
  return mergeEdits(document.text, [programEdit, argsEdit]);
}
