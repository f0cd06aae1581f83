import { spawn, type ChildProcess } from "node:child_process";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { JSONRPCMessageSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/**
 * An SDK Transport over a child process's stdio, written for the probe instead of the SDK's
 * StdioClientTransport so that every raw stdout line (non-JSON noise), the tail of stderr and the
 * exit code / signal can be seen. Spawned without a shell; on POSIX in its own process group, so
 * that closing it also stops what it started (npx → node, uvx → python).
 *
 * Every child is tracked until it has exited: close() ends stdin, sends SIGTERM, and SIGKILL after
 * 2 s; a process 'exit' hook SIGKILLs survivors, and SIGINT/SIGTERM to this process kill them first.
 */

export const KILL_AFTER_MS = 2000;
const STDERR_KEEP = 16 * 1024;
/** A partial stdout line longer than this is noise: counted once, its start kept, the rest dropped until the next newline. */
export const MAX_NOISE_LINE = 64 * 1024;
/**
 * A partial line that starts like a JSON object may be a large JSON-RPC message (tools/list of a big server passes
 * 64 KiB): it gets this much before it is treated as noise too.
 */
export const MAX_MESSAGE_LINE = 8 * 1024 * 1024;
/** Characters of a noise line kept for the finding. */
const NOISE_KEEP = 200;
/** "Error: …", "TypeError [ERR_INVALID_ARG_TYPE]: …", "ModuleNotFoundError: …" at the start of a line. */
const ERROR_HEADLINE = /^\s*[A-Za-z.]*(Error|Exception)( \[[A-Z0-9_]+\])?: /;
const GROUPS = process.platform !== "win32";

const live = new Set<ChildProcess>();
let hooked = false;

function signalChild(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (GROUPS) {
    try {
      process.kill(-child.pid, signal);
      return;
    } catch {
      // no such group (already gone): fall back to the process itself
    }
  }
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}

function killAll(): void {
  for (const child of live) signalChild(child, "SIGKILL");
}

/**
 * Ctrl-C / SIGTERM while children run. With nobody else listening, the signal would end this process at
 * once (without 'exit' handlers): kill the children, then let the signal do what it would have done. When
 * the application listens too (the CLI aborts the run), it is left to that: the abort stops them properly.
 * This listener is prepended, so it runs before the others and still sees `once` listeners.
 */
function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return;
  killAll();
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function track(child: ChildProcess): void {
  if (!hooked) {
    hooked = true;
    process.on("exit", killAll);
  }
  if (live.size === 0) {
    process.prependListener("SIGINT", onSignal);
    process.prependListener("SIGTERM", onSignal);
  }
  live.add(child);
}

function untrack(child: ChildProcess): void {
  if (!live.delete(child)) return;
  if (live.size === 0) {
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

export interface ChildSpec {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class ChildProcessTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  /** The error of a spawn that failed (ENOENT, EACCES …). */
  spawnError?: NodeJS.ErrnoException;
  exit?: ChildExit;
  pid?: number;
  protocolVersion?: string;
  /** Non-JSON-RPC lines on stdout: the first one and how many. */
  readonly noise: { first?: string; count: number } = { count: 0 };
  /** The transport was closed by us (timeout, abort, end of probe), not by the child. */
  closedByUs = false;

  private child?: ChildProcess;
  /** The partial stdout line after the last newline (bounded: see MAX_NOISE_LINE). */
  private stdout = "";
  /** The current stdout line passed its limit and was counted: drop the rest of it, up to the next newline. */
  private discarding = false;
  /** The pending line starts with "{" (undefined: nothing visible yet). */
  private pendingJson: boolean | undefined;
  private stderr = "";
  private finished = false;
  private exited?: Promise<void>;
  /** stdout reached EOF or stdin failed (EPIPE): the child closed its end of the pipes, so it is exiting (or did). */
  pipeClosed = false;
  private drainedOnce = false;
  private onDrained: Array<() => void> = [];

  constructor(private readonly spec: ChildSpec) {}

  start(): Promise<void> {
    return new Promise<void>((resolveStart, rejectStart) => {
      let child: ChildProcess;
      try {
        child = spawn(this.spec.command, this.spec.args, {
          cwd: this.spec.cwd,
          env: this.spec.env,
          shell: false,
          stdio: ["pipe", "pipe", "pipe"],
          windowsHide: true,
          detached: GROUPS,
        });
      } catch (error) {
        // Synchronous failures: arguments with NUL bytes, an invalid cwd type …
        this.spawnError = error as NodeJS.ErrnoException;
        rejectStart(error);
        return;
      }
      this.child = child;
      track(child);
      let spawned = false;
      this.exited = new Promise<void>((resolveExit) => {
        child.once("exit", (code, signal) => {
          this.exit = { code, signal };
          untrack(child);
          resolveExit();
          // 'close' follows once stdout/stderr reach EOF, which a detached grandchild holding the pipes delays for as
          // long as it lives. What the child wrote before it exited is already in the pipes and is read on the next
          // turns of the event loop; after that the pipes are destroyed, not waited for (they would keep this
          // process alive too).
          setTimeout(() => this.drained(), 200);
        });
        child.once("error", (error: NodeJS.ErrnoException) => {
          if (spawned) {
            this.onerror?.(error);
            return;
          }
          this.spawnError = error;
          untrack(child);
          resolveExit();
          rejectStart(error);
        });
      });
      child.once("spawn", () => {
        spawned = true;
        this.pid = child.pid;
        resolveStart();
      });
      child.once("close", () => this.drained());
      child.stdin!.on("error", () => {
        // EPIPE when the child is gone: send() reports it, the exit is diagnosed from the exit code
        this.pipeClosed = true;
      });
      child.stdout!.setEncoding("utf8");
      child.stdout!.on("data", (chunk: string) => this.onStdout(chunk));
      child.stdout!.on("end", () => {
        this.pipeClosed = true;
        this.onStdoutEnd();
      });
      child.stderr!.setEncoding("utf8");
      child.stderr!.on("data", (chunk: string) => {
        this.stderr += chunk;
        if (this.stderr.length > STDERR_KEEP * 2) this.stderr = this.stderr.slice(-STDERR_KEEP);
      });
    });
  }

  /** Only the new chunk is searched for newlines; the pending partial line is kept within its limit. */
  private onStdout(chunk: string): void {
    let from = 0;
    for (let nl = chunk.indexOf("\n"); nl >= 0; nl = chunk.indexOf("\n", from)) {
      const piece = chunk.slice(from, nl);
      from = nl + 1;
      if (this.discarding) {
        this.discarding = false;
        continue;
      }
      const line = this.stdout === "" ? piece : this.stdout + piece;
      this.stdout = "";
      this.pendingJson = undefined;
      this.onLine(line.replace(/\r$/, ""));
    }
    if (this.discarding || from === chunk.length) return;
    const rest = from === 0 ? chunk : chunk.slice(from);
    // Decided once per line, from its first visible character (no rescan of what is already pending).
    if (this.pendingJson === undefined) {
      const first = /\S/.exec(rest);
      if (first) this.pendingJson = rest[first.index] === "{";
    }
    this.stdout += rest;
    if (this.stdout.length > (this.pendingJson ? MAX_MESSAGE_LINE : MAX_NOISE_LINE)) {
      this.addNoise(this.stdout);
      this.stdout = "";
      this.pendingJson = undefined;
      this.discarding = true;
    }
  }

  /**
   * Output left without a final newline when stdout ends: noise unless it is a JSON-RPC message (which is not
   * delivered: clients read newline-delimited messages and would not have seen it either).
   */
  private onStdoutEnd(): void {
    const rest = this.stdout.replace(/\r$/, "");
    this.stdout = "";
    if (this.discarding || rest.trim() === "") return;
    try {
      JSONRPCMessageSchema.parse(JSON.parse(rest));
    } catch {
      this.addNoise(rest);
    }
  }

  private addNoise(line: string): void {
    if (this.noise.count++ === 0) this.noise.first = line.slice(0, NOISE_KEEP);
  }

  private onLine(line: string): void {
    if (line.trim() === "") return;
    let message: JSONRPCMessage;
    try {
      message = JSONRPCMessageSchema.parse(JSON.parse(line));
    } catch {
      this.addNoise(line);
      return;
    }
    this.onmessage?.(message);
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise<void>((resolveSend, rejectSend) => {
      const stdin = this.child?.stdin;
      if (!stdin || !stdin.writable || this.exit) {
        rejectSend(new Error("The server process is not running"));
        return;
      }
      stdin.write(`${JSON.stringify(message)}\n`, (error) => (error ? rejectSend(error) : resolveSend()));
    });
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
  }

  /**
   * The last `max` non-empty stderr lines (raw: redact before showing). When an error headline
   * ("Error: ENOENT: …", "TypeError [ERR_X]: …") sits just above them, as in Node.js crashes whose last
   * lines are the error's properties, it comes first, followed by the last `max - 1` lines.
   */
  stderrTail(max: number): string[] {
    const lines = this.stderr.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (lines.length <= max) return lines;
    const tailStart = lines.length - max;
    for (let i = tailStart - 1; i >= Math.max(0, tailStart - 40); i--) {
      if (ERROR_HEADLINE.test(lines[i]!)) return [lines[i]!, ...lines.slice(-(max - 1))];
    }
    return lines.slice(tailStart);
  }

  /** Ends stdin, SIGTERM to the process group, SIGKILL after 2 s; resolves once the process has exited. */
  async close(): Promise<void> {
    const child = this.child;
    if (child && !this.spawnError) {
      if (!this.exit) {
        // A child that closed its pipes itself (EPIPE on a request, EOF) is exiting on its own: its exit code and
        // stderr are the diagnosis, even though this close (the SDK client's, after the failed request) came first.
        if (!this.pipeClosed) this.closedByUs = true;
        child.stdin?.end();
        signalChild(child, "SIGTERM");
        const timer = setTimeout(() => signalChild(child, "SIGKILL"), KILL_AFTER_MS);
        await this.exited;
        clearTimeout(timer);
      }
      // What it wrote before exiting is read (bounded: see the 'exit' handler); a grandchild that left the group
      // and still holds the pipes is not waited for.
      if (!this.drainedOnce) await new Promise<void>((r) => this.onDrained.push(r));
      // Whatever the leader left behind in its group (it exited, its children may not have).
      if (GROUPS && child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // the group is gone: the usual case
        }
      }
    }
    this.finish();
  }

  /** The child exited and its output was read (or its pipes reached EOF): the pipes are destroyed and the transport closes. */
  private drained(): void {
    if (this.drainedOnce) return;
    this.drainedOnce = true;
    const child = this.child;
    child?.stdin?.destroy();
    child?.stdout?.destroy();
    child?.stderr?.destroy();
    for (const resolveDrained of this.onDrained.splice(0)) resolveDrained();
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.onclose?.();
  }
}
