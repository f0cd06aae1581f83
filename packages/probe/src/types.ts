import type { ServerSurface } from "./lock.js";
import type { Finding, LintFileResult } from "@mcp-lint/core";

export interface ProbeOptions {
  /** Folder paths are relative to; result paths are shown relative to it with forward slashes (default: process.cwd()). */
  cwd?: string;
  /**
   * The mcp-lint config file to use (relative to cwd), as `mcp-lint -c`: its `ignores` exclude config files from the
   * probe exactly as from the lint. Default: the nearest mcp-lint.config.json, looked up from cwd.
   */
  configPath?: string;
  /** Use no mcp-lint config file (no lookup). Ignored when configPath is given. */
  noConfigLookup?: boolean;
  /** Environment used to resolve variables and given to stdio servers (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Probe only the servers with these names (`--server`, repeatable). A name found in no config is a UsageError. */
  servers?: string[];
  /** Retries for failures where waiting can help (default 3: at most 4 attempts). */
  retries?: number;
  /** Per attempt: spawn/connect + initialize + the list calls (default 10 000 ms). */
  timeoutMs?: number;
  /** Base of the backoff (default 500 ms): retry k waits min(backoffMs * 2^(k-1), 10 000) with equal jitter. */
  backoffMs?: number;
  /** Random source of the jitter, in [0, 1) (default Math.random). */
  random?: () => number;
  /** Servers probed at once (default 4). */
  concurrency?: number;
  /** Verbose lines: each attempt, its outcome and each backoff delay. */
  log?: (line: string) => void;
  /** Start / attempt / retry-wait / done per server (for a progress line on a TTY). */
  onProgress?: (event: ProbeProgress) => void;
  /**
   * Wait mode (`mcp-lint probe --wait`): retry the failures where waiting can help until every server answers or this
   * many milliseconds have passed, instead of `retries` times. Each attempt ends at the deadline (but lasts at least
   * 1 s); a stdio server is started once and given all the time left. Failures waiting cannot fix end a server's
   * wait at once. Servers are waited for all at once unless `concurrency` is given.
   */
  waitMs?: number;
  /**
   * The tool-surface lock (mcp-lint.lock.json in cwd) when probing config files: "compare" (default) reports every
   * change against it when it exists, "write" writes it (a server that did not answer keeps its old entry),
   * "off" neither reads nor writes it.
   */
  lock?: "compare" | "write" | "off";
  /** Abort: every child is killed, retries stop, and the run resolves with what is done ("aborted" for the rest). */
  signal?: AbortSignal;
}

/** One server named by its URL or its command, without a config file (probeTarget, waitForServer). */
export type ProbeTarget = UrlTarget | CommandTarget;

export interface UrlTarget {
  /** http(s) URL of the MCP endpoint. Userinfo (`user:pass@`) is sent as Basic auth, as clients do. */
  url: string;
  /** Use the legacy HTTP+SSE transport instead of Streamable HTTP. */
  sse?: boolean;
  /** Request headers (their values are treated as secrets: never shown, redacted from what the server says). */
  headers?: Record<string, string>;
  /** Name shown in logs, progress and the table (default "server"). */
  name?: string;
}

export interface CommandTarget {
  /** Program to start over stdio (no shell: looked up on PATH, or a path relative to `cwd`). */
  command: string;
  args?: string[];
  /** Variables added to the environment (`env` of the options, default process.env); their values are treated as secrets. */
  env?: Record<string, string>;
  /** Working directory of the server, relative to the options' cwd (default: that cwd). */
  cwd?: string;
  /** Name shown in logs, progress and the table (default "server"). */
  name?: string;
}

/** Options of waitForServer: those of probe that apply to one server, and the wait (default 30 000 ms). */
export type WaitOptions = Omit<ProbeOptions, "configPath" | "noConfigLookup" | "servers" | "concurrency" | "retries">;

export type ProbeTransport = "stdio" | "http" | "sse" | "unknown";
export type ProbeStatus = "ok" | "failed" | "skipped" | "aborted";

export interface ServerProbe {
  /** Config file, relative to cwd with forward slashes. */
  file: string;
  /** Server name as written in the config. */
  name: string;
  /** JSON pointer of the server entry. */
  pointer: string;
  transport: ProbeTransport;
  /** Display only: the command (without secret-looking arguments) or the URL's origin. Never a secret. */
  target: string;
  status: ProbeStatus;
  /** Attempts made (0 when the server was not started or reached). */
  attempts: number;
  durationMs: number;
  /** What the server said about itself in its initialize result. */
  server?: { name: string; version: string; protocolVersion?: string };
  /** Items listed (undefined: not advertised by the server). */
  counts?: { tools?: number; resources?: number; prompts?: number };
  /** Tools, prompts and resource templates listed (status "ok"): names, descriptions, schema hashes, sorted. */
  surface?: ServerSurface;
  /** The diagnosis when failed or skipped (also a stdout-noise finding of a server that answered). */
  finding?: Finding;
}

export interface ProbeRun {
  /** One per config file probed, findings sorted (core's compareFindings): print them with core's formatResults. */
  results: LintFileResult[];
  /** One per server probed, in file order then entry order. */
  servers: ServerProbe[];
  /** The lock file written (relative to cwd) when `lock` was "write". */
  lockWritten?: string;
}

interface ProgressBase {
  file: string;
  name: string;
}

export type ProbeProgress =
  | (ProgressBase & { type: "start"; transport: ProbeTransport; target: string })
  /** maxAttempts 0: no limit but the deadline (wait mode). */
  | (ProgressBase & { type: "attempt"; attempt: number; maxAttempts: number })
  /** retries 0: no limit but the deadline (wait mode). */
  | (ProgressBase & { type: "retry-wait"; retry: number; retries: number; delayMs: number; reason: string })
  | (ProgressBase & { type: "done"; probe: ServerProbe });
