import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { allRules } from "../../packages/core/src/rules/catalog.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "packages/cli/bin/mcp-lint.js");
export const FIXTURES = join(ROOT, "test/fixtures/cli");

if (!existsSync(join(ROOT, "packages/cli/dist/cli.js"))) {
  throw new Error("The CLI is not built: run `npx tsc -b` before these tests (they spawn the real binary).");
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary, with an environment free of colour and debug settings unless given. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string>; bin?: string }): CliResult {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || ["NO_COLOR", "FORCE_COLOR", "DEBUG", "NODE_OPTIONS"].includes(k)) continue;
    env[k] = v;
  }
  const r = spawnSync(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd, env: { ...env, ...options.env }, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A fresh temporary folder (removed after the test file). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-cli-"));
  temps.push(dir);
  return dir;
}

/** A copy of a fixture folder in a temporary folder, so tests can change it. */
export function copyFixture(name: string): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function write(dir: string, file: string, text: string): string {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), "utf8");
}

/**
 * Every rule but `syntax` and `npx-yes` off: other rules are being written in parallel and must not change these results.
 * npx-yes (an info outside `recommended` since issue 12) is switched on as a warning: these tests use it as a probe rule.
 */
export function isolatedRules(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const rules: Record<string, unknown> = { "npx-yes": "warning" };
  for (const r of allRules) if (r.id !== "syntax" && r.id !== "npx-yes") rules[r.id] = "off";
  return { ...rules, ...extra };
}

/** Writes an mcp-lint.config.json with the other rules off, merged with `config`. */
export function writeConfig(dir: string, config: Record<string, unknown> = {}, file = "mcp-lint.config.json"): void {
  const { rules, ...rest } = config as { rules?: Record<string, unknown> };
  write(dir, file, JSON.stringify({ ...rest, rules: isolatedRules(rules) }, null, 2) + "\n");
}

export interface JsonResult {
  filePath: string;
  messages: Array<Record<string, unknown> & { ruleId: string; severity: number; message: string; line: number; column: number }>;
  suppressedMessages: Array<Record<string, unknown>>;
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: unknown[];
}

export function parseJsonOutput(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}
