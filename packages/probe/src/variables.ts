import { basename, dirname, isAbsolute, resolve, sep } from "node:path";
import { findPlaceholders, readRegularFile, type Dialect, type Placeholder, type ServerEntry } from "@mcp-lint/core";

/**
 * Variables resolved the way the client resolves them: only the placeholder forms the dialect expands
 * (dialect.variables.expands) are replaced; every other form reaches the server literally, as it does
 * from the client. Environment names come from the probe's `env` option.
 */

export interface VariableContext {
  dialect: Dialect;
  env: NodeJS.ProcessEnv;
  /** `${workspaceFolder}`: the project folder. */
  projectDir: string;
  /** Folder of the config file (relative `{file:...}` paths). */
  configDir: string;
  home: string;
}

export type Unresolved =
  /** An environment variable that is not set (and has no default). */
  | { kind: "unset"; placeholder: Placeholder; pointer: string; name: string }
  /** A `{file:...}` / `${file:...}` that cannot be read. */
  | { kind: "file"; placeholder: Placeholder; pointer: string; code: string }
  /** A value the client gets from the user or its own state (`${input:id}`, `${{ secrets.X }}`, `${config:x}`). */
  | { kind: "interactive"; placeholder: Placeholder; pointer: string };

/** An Unresolved before it is given the pointer of its field. */
type Problem = Unresolved extends infer T ? (T extends Unresolved ? Omit<T, "pointer"> : never) : never;

export interface ResolvedEntry {
  command?: string;
  args: string[];
  /** null: remove the inherited variable (VS Code). */
  env: Array<{ name: string; value: string | null }>;
  headers: Array<{ name: string; value: string }>;
  url?: string;
  cwd?: string;
  problems: Unresolved[];
}

const DEFAULTED = /^\$\{([A-Za-z_][A-Za-z0-9_]*):-([^}]*)\}$/;
const FILE = /^\$?\{file:([^}]+)\}$/;

function expands(dialect: Dialect, text: string): boolean {
  return dialect.variables.expands.some((re) => re.test(text));
}

/** `${NAME}` is an environment variable in this client (Claude Code, Gemini, Kiro), not a predefined name. */
function bracesAreEnv(dialect: Dialect): boolean {
  return expands(dialect, "${MCP_LINT_PROBE_NAME}");
}

function readVariableFile(path: string, ctx: VariableContext): string | { code: string } {
  const expanded = path === "~" || path.startsWith("~/") ? ctx.home + path.slice(1) : path;
  const abs = isAbsolute(expanded) ? expanded : resolve(ctx.configDir, expanded);
  try {
    // A file the config names (it may be outside the project, e.g. in the home folder): any link is followed, but
    // only a regular file under the size cap is read (a FIFO or /dev/zero would hang the probe).
    return readRegularFile(abs, "/").trim();
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? "unreadable" };
  }
}

function evaluate(p: Placeholder, ctx: VariableContext): string | Problem {
  const t = p.text;
  const defaulted = DEFAULTED.exec(t);
  if (defaulted) {
    const v = ctx.env[defaulted[1]!];
    return v === undefined || v === "" ? defaulted[2]! : v;
  }
  if (!bracesAreEnv(ctx.dialect)) {
    if (/^\$\{workspaceFolder(:[^}]+)?\}$/.test(t)) return ctx.projectDir;
    if (t === "${workspaceFolderBasename}") return basename(ctx.projectDir);
    if (t === "${userHome}") return ctx.home;
    if (t === "${pathSeparator}" || t === "${/}") return sep;
  }
  const file = FILE.exec(t);
  if (file) {
    const read = readVariableFile(file[1]!, ctx);
    return typeof read === "string" ? read : { kind: "file", placeholder: p, code: read.code };
  }
  if (p.envName) {
    const v = ctx.env[p.envName];
    return v === undefined ? { kind: "unset", placeholder: p, name: p.envName } : v;
  }
  return { kind: "interactive", placeholder: p };
}

/** `value` with the placeholders the client expands replaced; problems for those without a value. */
export function resolveString(value: string, pointer: string, ctx: VariableContext): { value: string; problems: Unresolved[] } {
  const problems: Unresolved[] = [];
  if (ctx.dialect.variables.unknown) return { value, problems };
  const placeholders = findPlaceholders(value);
  if (placeholders.length === 0) return { value, problems };
  let out = "";
  let at = 0;
  for (const p of placeholders) {
    if (!expands(ctx.dialect, p.text)) continue;
    const v = evaluate(p, ctx);
    out += value.slice(at, p.start);
    if (typeof v === "string") out += v;
    else {
      problems.push({ ...v, pointer } as Unresolved);
      out += p.text;
    }
    at = p.end;
  }
  return { value: out + value.slice(at), problems };
}

/** What a config value becomes as an argument or setting: strings as they are, numbers and booleans as text; anything else is dropped. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** Every field of the entry the client resolves variables in: command, args, env, headers, url, cwd. */
export function resolveEntry(entry: ServerEntry, ctx: VariableContext): ResolvedEntry {
  const out: ResolvedEntry = { args: [], env: [], headers: [], problems: [] };
  const take = (value: unknown, pointer: string): string | undefined => {
    const s = scalar(value);
    if (s === undefined) return undefined;
    const r = resolveString(s, pointer, ctx);
    out.problems.push(...r.problems);
    return r.value;
  };
  if (entry.command) out.command = take(entry.command.value, entry.command.pointer);
  for (const a of entry.args) {
    const v = take(a.value, a.pointer);
    if (v !== undefined) out.args.push(v);
  }
  for (const e of entry.env) {
    if (e.value === null) out.env.push({ name: e.name, value: null });
    else {
      const v = take(e.value, e.pointer);
      if (v !== undefined) out.env.push({ name: e.name, value: v });
    }
  }
  for (const h of entry.headers) {
    const v = take(h.value, h.pointer);
    if (v !== undefined) out.headers.push({ name: h.name, value: v });
  }
  if (entry.url) out.url = take(entry.url.value, entry.url.pointer);
  if (entry.cwd) out.cwd = take(entry.cwd.value, entry.cwd.pointer);
  return out;
}

/** Dot-folders that hold a project's client config (.vscode, .cursor, .gemini, .continue/mcpServers, .kiro/settings …). */
export function projectDirOf(configAbs: string): string {
  const dir = dirname(configAbs);
  const parts = dir.split(sep);
  for (let i = parts.length - 1; i >= Math.max(1, parts.length - 3); i--) {
    const segment = parts[i]!;
    if (segment.startsWith(".") && segment !== "." && segment !== "..") return parts.slice(0, i).join(sep) || sep;
  }
  return dir;
}
