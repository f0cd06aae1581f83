import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { allRules } from "../../packages/core/src/rules/catalog.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The committed bundle, run exactly as the runner runs `runs.main`. */
export const ACTION = join(ROOT, "dist/index.js");
/** The Node.js that runs the action: this one, or MCP_LINT_ACTION_NODE (e.g. a Node 24 binary, as on GitHub's runners). */
export const NODE = process.env.MCP_LINT_ACTION_NODE || process.execPath;

if (!existsSync(ACTION)) throw new Error("dist/index.js is missing: run `npm run build:action` before these tests.");

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

export function tempDir(prefix = "mcp-lint-action-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export function write(dir: string, file: string, text: string): string {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/**
 * Every rule but `syntax` and `npx-yes` off (other rules are written in parallel), merged with `rules`. npx-yes is an
 * info outside `recommended` since issue 12; these tests use it as their probe rule, so it is switched on as a warning.
 */
export function isolatedConfig(extra: { rules?: Record<string, unknown>; [key: string]: unknown } = {}): string {
  const rules: Record<string, unknown> = { "npx-yes": "warning" };
  for (const r of allRules) if (r.id !== "syntax" && r.id !== "npx-yes") rules[r.id] = "off";
  const { rules: more, ...rest } = extra;
  return JSON.stringify({ ...rest, rules: { ...rules, ...more } }, null, 2) + "\n";
}

/** A Claude Code .mcp.json with `n` servers started with `npx <pkg>@1.0.0` (no -y): one npx-yes finding per server, on line 3 + 2i. */
export function npxServers(n: number, prefix = "pkg"): string {
  const lines = ["{", '  "mcpServers": {'];
  for (let i = 0; i < n; i++)
    lines.push(`    "s${i}": { "command": "npx", "args": ["${prefix}-${i}@1.0.0"] },`, `    "t${i}": { "command": "node", "args": ["x.js"] }${i === n - 1 ? "" : ","}`);
  lines.push("  }", "}", "");
  return lines.join("\n");
}

export interface GitHubEnv {
  /** with: inputs, by their action.yml names (the runner passes INPUT_<NAME uppercased, dashes kept>). */
  inputs?: Record<string, string>;
  /** Event name and payload (written to a file for GITHUB_EVENT_PATH). */
  event?: { name: string; payload: unknown };
  env?: Record<string, string>;
  /** Extra node arguments (e.g. --import hooks). */
  nodeArgs?: string[];
  /** Hang guard: kill the action after this long and throw (a hang is a failure, not a slow pass). */
  killAfterMs?: number;
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** GITHUB_STEP_SUMMARY's content. */
  summary: string;
  /** GITHUB_OUTPUT parsed. */
  outputs: Record<string, string>;
  /** GITHUB_OUTPUT as written. */
  outputFile: string;
  /** Workflow commands on stdout (outside stop-commands blocks). */
  commands: WorkflowCommand[];
  ms: number;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

function unescapeProperty(s: string): string {
  return unescapeData(s.replace(/%3A/g, ":").replace(/%2C/g, ","));
}

/** Workflow commands as the runner reads them: `::stop-commands::TOKEN` … `::TOKEN::` turns them off in between. */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === "stop-commands") {
      stopToken = m[3];
      continue;
    }
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3]!) });
  }
  return out;
}

/** GITHUB_OUTPUT's `name<<DELIMITER` … `DELIMITER` blocks (the only form @actions/core writes). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(ghadelimiter_[0-9a-f-]+)$/.exec(lines[i]!);
    if (!m) {
      if (lines[i] !== "") throw new Error(`GITHUB_OUTPUT line ${i + 1} is not in the delimiter format: ${lines[i]}`);
      continue;
    }
    const end = lines.indexOf(m[2]!, i + 1);
    if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${m[1]}`);
    outputs[m[1]!] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return outputs;
}

/**
 * Runs `node dist/index.js` the way the runner does: inputs as INPUT_* variables, GITHUB_WORKSPACE,
 * GITHUB_STEP_SUMMARY and GITHUB_OUTPUT files, GITHUB_EVENT_NAME and GITHUB_EVENT_PATH. The variables of an
 * enclosing GitHub Actions run are removed first, so the tests behave the same in CI.
 */
function pathTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function runAction(workspace: string, options: GitHubEnv = {}): ActionRun {
  // The probe rule npx-yes is off by default since issue 12: a workspace without a config gets one that turns it on
  // as a warning and leaves every other rule at its default.
  // A workspace that has anything at that path (a file, a link, even a broken or looping one) keeps it as it is.
  if (!options.inputs?.config && !pathTaken(join(workspace, "mcp-lint.config.json"))) {
    write(workspace, "mcp-lint.config.json", '{ "rules": { "npx-yes": "warning" } }\n');
  }
  const runnerTemp = tempDir("mcp-lint-runner-");
  const summaryPath = write(runnerTemp, "step_summary", "");
  const outputPath = write(runnerTemp, "output", "");
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k) || ["NO_COLOR", "FORCE_COLOR", "DEBUG", "NODE_OPTIONS", "CI", "MCP_LINT_ACTION_NODE"].includes(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: runnerTemp,
    NO_COLOR: "1",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
  });
  if (options.event) {
    env.GITHUB_EVENT_NAME = options.event.name;
    env.GITHUB_EVENT_PATH = write(runnerTemp, "event.json", JSON.stringify(options.event.payload));
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  Object.assign(env, options.env);
  const started = performance.now();
  const r = spawnSync(NODE, [...(options.nodeArgs ?? []), ACTION], {
    cwd: workspace,
    env,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    ...(options.killAfterMs ? { timeout: options.killAfterMs, killSignal: "SIGKILL" as const } : {}),
  });
  if (options.killAfterMs && (r.error || r.signal)) throw new Error(`the action did not finish (${r.error?.message ?? r.signal}): it hung or was killed`);
  const ms = performance.now() - started;
  const outputFile = readFileSync(outputPath, "utf8");
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: readFileSync(summaryPath, "utf8"),
    outputs: parseOutputFile(outputFile),
    outputFile,
    commands: parseCommands(r.stdout),
    ms,
  };
}

/** The text printed between `::stop-commands::TOKEN` and `::TOKEN::` (the report in the chosen format). */
export function verbatimBlock(stdout: string): string {
  const m = /^::stop-commands::([0-9a-f]+)\n([\s\S]*?)\n::\1::$/m.exec(stdout);
  if (!m) throw new Error("no stop-commands block in the output");
  return m[2]!;
}

/** Runs git in `cwd` with a fixed identity and no user or system config. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
      GIT_AUTHOR_DATE: "2025-01-01T00:00:00Z",
      GIT_COMMITTER_DATE: "2025-01-01T00:00:00Z",
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** A fresh git repository with one commit of `files`; returns its folder. */
export function gitRepo(files: Record<string, string>): string {
  const dir = tempDir("mcp-lint-repo-");
  git(dir, "init", "-q", "-b", "main");
  for (const [file, text] of Object.entries(files)) write(dir, file, text);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  return dir;
}
