import type { ServerEntry, Located } from "../dialects/servers.js";

/** Shells that run a command line given after a command flag (`sh -c "…"`, `cmd /c …`, `powershell -Command …`). */
export const SHELL_PROGRAMS: ReadonlySet<string> = new Set(["sh", "bash", "zsh", "dash", "ksh", "cmd", "powershell", "pwsh"]);
/** The flags after which those shells read a command line (compared lower-cased). */
export const SHELL_COMMAND_FLAGS: ReadonlySet<string> = new Set(["-c", "-lc", "-ic", "/c", "/k", "-command"]);

/** Program name without directory and Windows extension: "/usr/bin/npx.cmd" -> "npx". */
export function programName(command: string): string {
  // Fast path: a bare name without a directory or an extension ("npx", "uvx").
  if (command.indexOf("/") < 0 && command.indexOf("\\") < 0 && command.indexOf(".") < 0) return command.toLowerCase();
  const base = command.split(/[\\/]/).pop() ?? command;
  return base.replace(/\.(cmd|exe|bat|ps1)$/i, "").toLowerCase();
}

export interface Invocation {
  /** The program actually run, after unwrapping `cmd /c`. */
  program: string;
  /** Pointer of the value holding the program name. */
  programPointer: string;
  /** Arguments after the program (strings only; a non-string stops the list). */
  args: Located<string>[];
  /** Index in the entry's args array of the first element of `args`. */
  argsStart: number;
}

/**
 * The program and arguments a stdio entry runs, seeing through the Windows
 * `cmd /c <program> ...` wrapper. Undefined when the command is not a string.
 */
export function invocation(entry: ServerEntry): Invocation | undefined {
  const command = entry.command;
  if (!command || typeof command.value !== "string") return undefined;
  const args: Located<string>[] = [];
  for (const a of entry.args) {
    if (typeof a.value !== "string") break;
    args.push(a as Located<string>);
  }
  const program = programName(command.value);
  if (program === "cmd" && args[0] && /^\/c$/i.test(args[0].value) && args[1]) {
    return { program: programName(args[1].value), programPointer: args[1].pointer, args: args.slice(2), argsStart: 2 };
  }
  return { program, programPointer: command.pointer, args, argsStart: 0 };
}

/** npm exec / npx options that take a value. */
const NPX_OPTIONS_WITH_VALUE = new Set(["-p", "--package", "-c", "--call", "--registry", "--cache", "--userconfig", "-w", "--workspace"]);

/** Splits npx arguments into its own options and the package spec (index into args). */
export function npxPackageIndex(args: Array<{ value: string }>): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.value;
    if (a === "--") return i + 1 < args.length ? i + 1 : -1;
    if (!a.startsWith("-")) return i;
    if (NPX_OPTIONS_WITH_VALUE.has(a)) i++;
  }
  return -1;
}

/** Programs that, written first, make a string with spaces a command line rather than a path with spaces. */
export const COMMAND_LINE_PROGRAMS: ReadonlySet<string> = new Set([
  "npx", "npm", "pnpm", "pnpx", "yarn", "bun", "bunx", "node", "deno", "tsx", "ts-node",
  "uv", "uvx", "python", "python3", "py", "pip", "pipx", "poetry",
  "docker", "podman", "java", "go", "cargo", "dotnet", "ruby", "php", "bash", "sh", "zsh", "cmd", "powershell", "pwsh",
]);

/** Tokens safe to split on whitespace and put back as separate arguments (no quoting, escapes or shell syntax). */
export const PLAIN_TOKEN = /^[A-Za-z0-9@%+=:,./_^-]+$/;
