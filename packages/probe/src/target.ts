import { basename, isAbsolute, resolve } from "node:path";
import { getDialect, UsageError, type Dialect, type Located, type NamedValue, type ServerEntry } from "@mcp-lint/core";
import type { ConfigFile } from "./probe.js";
import type { ProbeTarget } from "./types.js";

/** The `file` of findings about a server named on the command line (or by probeTarget) rather than in a config. */
export const COMMAND_LINE = "(command line)";

/** Longest command, argument, URL, header or variable the probe takes from its caller. */
const MAX_VALUE = 64 * 1024;
const MAX_ITEMS = 1000;

/**
 * The generic mcpServers client, without variable expansion (a shell already expanded what it would) and with a
 * neutral client name for messages.
 */
function commandLineDialect(): Dialect {
  const generic = getDialect("generic");
  if (!generic) throw new Error("the generic dialect is missing");
  // No config key holds the command here: messages that would name one ("set \"command\" to …") speak of the
  // command line instead (commandNotFoundMessage reads an empty key that way).
  return { ...generic, client: "an MCP client", keys: { ...generic.keys, command: "" } };
}

/** A word as a POSIX shell would need it: bare when safe, else single-quoted; control characters escaped (one line). */
function shellWord(word: string): string {
  if (word !== "" && /^[\w@%+=:,./-]+$/.test(word)) return word;
  const visible = word.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return `'${visible.replace(/'/g, `'\\''`)}'`;
}

function checked(what: string, value: unknown): string {
  if (typeof value !== "string") throw new UsageError(`${what} must be a string.`);
  if (value.length > MAX_VALUE) throw new UsageError(`${what} is longer than ${MAX_VALUE} characters.`);
  return value;
}

function named(what: string, record: Record<string, string> | undefined, pointer: string): NamedValue[] {
  const entries = Object.entries(record ?? {});
  if (entries.length > MAX_ITEMS) throw new UsageError(`More than ${MAX_ITEMS} ${what}.`);
  return entries.map(([name, value]) => ({ name, value: checked(`The value of ${what} ${JSON.stringify(name.slice(0, 40))}`, value), pointer }));
}

/** The name shown for an unnamed target: the URL's host (and port), or the program's file name. */
function defaultName(target: ProbeTarget): string {
  if ("url" in target) {
    try {
      return new URL(target.url).host || "server";
    } catch {
      return "server";
    }
  }
  return typeof target.command === "string" ? (basename(target.command).slice(0, 60) || "server") : "server";
}

/**
 * A one-server source for a target given by URL or command. Its text is one line: the URL, or the command and its
 * arguments as a shell would need them written; a diagnosis of the command or of an argument points at that word,
 * every other one at the whole line. Headers, environment values and the cwd are not part of it.
 */
export function targetSource(target: ProbeTarget, cwd: string): ConfigFile {
  const dialect = commandLineDialect();
  const name = target.name ?? defaultName(target);
  const spans = new Map<string, [number, number]>();
  let text: string;
  let entry: ServerEntry;
  const base = { name, pointer: "", raw: {}, disabled: false, argsOffset: 0, env: [] as NamedValue[], headers: [] as NamedValue[], args: [] as Located[] };
  if ("url" in target) {
    const url = checked("The URL", target.url);
    text = url;
    spans.set("/url", [0, url.length]);
    entry = {
      ...base,
      kind: "url",
      transport: target.sse ? "sse" : "http",
      url: { value: url, pointer: "/url", key: "url" },
      headers: named("headers", target.headers, "/headers"),
    };
  } else {
    const command = checked("The command", target.command);
    if (command === "") throw new UsageError("The command is empty.");
    const args = (target.args ?? []).map((a, i) => checked(`Argument ${i + 1}`, a));
    if (args.length > MAX_ITEMS) throw new UsageError(`More than ${MAX_ITEMS} arguments.`);
    const words = [command, ...args];
    const pointers = ["/command", ...args.map((_, i) => `/args/${i}`)];
    text = "";
    words.forEach((w, i) => {
      if (i > 0) text += " ";
      const shown = shellWord(w);
      spans.set(pointers[i]!, [text.length, text.length + shown.length]);
      text += shown;
    });
    const dir = target.cwd !== undefined ? checked("The working directory", target.cwd) : undefined;
    entry = {
      ...base,
      kind: "stdio",
      transport: "stdio",
      command: { value: command, pointer: "/command" },
      args: args.map((value, i) => ({ value, pointer: `/args/${i}` })),
      env: named("environment variables", target.env, "/env"),
      ...(dir !== undefined ? { cwd: { value: isAbsolute(dir) ? dir : resolve(cwd, dir), pointer: "/cwd" } } : {}),
    };
  }
  return {
    file: COMMAND_LINE,
    projectDir: cwd,
    configDir: cwd,
    text,
    dialect,
    servers: [entry],
    locate: (d) => {
      const [start, end] = d.range ?? spans.get(d.pointer) ?? [0, text.length];
      return { line: 1, column: start + 1, endLine: 1, endColumn: end + 1 };
    },
    subrange: () => undefined,
  };
}
