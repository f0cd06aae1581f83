import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Real processes only: fixture servers are started with this Node.js, configs name it by absolute path. */
export const NODE = process.execPath;
export const FIXTURES = fileURLToPath(new URL("../fixtures/probe/", import.meta.url));
export const EVERYTHING = fileURLToPath(new URL("../../node_modules/@modelcontextprotocol/server-everything/dist/index.js", import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** Fixed jitter: every backoff delay is exactly 3/4 of its base. */
export const HALF = (): number => 0.5;

const made: string[] = [];

/** A project folder in the system temp dir with these files (objects are written as JSON). */
export function project(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), "mcp-lint-probe-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  return dir;
}

export function removeProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A loopback port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Is the process still running? A killed process whose parent is gone stays a zombie until init reaps it
 * (slowly in some containers): it is not running, so on Linux a "Z" state counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return true; // no procfs (macOS): kill(pid, 0) said it exists
  }
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The pid a fixture wrote with --pid-file (waits for the file). */
export async function readPid(file: string): Promise<number> {
  await waitFor(() => existsSync(file) && readFileSync(file, "utf8").trim() !== "", 10_000, file);
  return Number(readFileSync(file, "utf8").trim());
}

export interface Started {
  pid: number;
  /** Output so far (stdout + stderr). */
  output: () => string;
  stop: () => Promise<void>;
}

const started: Started[] = [];

/**
 * Starts `node <args>` and, when `ready` is given, resolves once its output matches it. Every server
 * started here is stopped by stopAll().
 */
export async function startNode(args: string[], options: { env?: NodeJS.ProcessEnv; ready?: RegExp } = {}): Promise<Started> {
  const child = spawn(NODE, args, { env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const handle: Started = {
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
  started.push(handle);
  if (options.ready) {
    const ready = options.ready;
    await new Promise<void>((resolveReady, reject) => {
      // No deadline of its own (a loaded machine can be slow to start a server): the test's timeout bounds it.
      const check = () => {
        if (ready.test(output)) resolveReady();
      };
      child.stdout.on("data", check);
      child.stderr.on("data", check);
      child.once("exit", (code) => {
        reject(new Error(`server exited with ${code}: ${output}`));
      });
      check();
    });
  }
  return handle;
}

export async function stopAll(): Promise<void> {
  await Promise.all(started.splice(0).map((s) => s.stop()));
}

/** Pids of running processes whose command line contains `marker` (a unique argument given to a server). */
export function pidsWith(marker: string): number[] {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.includes(marker) && !line.includes("ps -eo"))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}
