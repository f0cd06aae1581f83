import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { applyProbeSuppressions, displayPath, formatResults, formatterNames, UsageError } from "@mcp-lint/core";
import type { ProbeProgress, ProbeTarget } from "@mcp-lint/probe";
import { installedFiles } from "./installed.js";
import { argsErrorText, checkedFormat, emitReport, explicitColor } from "./report.js";

/** What the probe subcommand needs from its caller (the CLI's io, plus process-level hooks tests can replace). */
export interface ProbeIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Registers the Ctrl-C handler; returns its removal. */
  onInterrupt: (handler: () => void) => () => void;
  color: (explicit: boolean | undefined, toFile: boolean) => boolean;
  version: string;
}

export const PROBE_HELP = `mcp-lint probe [options] [file|dir|glob]...
mcp-lint probe [options] --url <url>
mcp-lint probe [options] -- <command> [args...]

Start or reach every MCP server configured in the config files found, with the MCP SDK's client, and say
why one fails: stdio servers are spawned with their command, args, env and cwd (no shell); URL servers are
reached over Streamable HTTP (SSE only where the config says so). Then initialize and tools/list
(resources/list and prompts/list when advertised). What servers return is scanned for tool poisoning
(served-prompt-injection). Default path: "."

Or probe one server without a config file: --url (Streamable HTTP; --sse for the legacy SSE transport), or
the command after "--" (stdio). With --wait, keep retrying until every server answers or the time is up:
a startup gate for containers, compose files, CI jobs and supervisors.

This runs the commands your configs name: probe only configs you trust.

Options:
      --wait <duration>            Retry until every server answers initialize and tools/list, or until this
                                   long has passed (30s, 2m, 500ms, 1h); exit 0 when all are up, else 1.
                                   Failures waiting cannot fix (command not found, 401, 404, a web page) stop
                                   at once. Replaces --retries
      --installed                  Probe the servers of the config files this machine's clients load (their
                                   user-level files, as "mcp-lint --installed" finds them) instead of paths
      --url <url>                  Probe this URL instead of config files
      --sse                        With --url: use the legacy HTTP+SSE transport
      --header <"Name: value">     With --url: send this request header (repeatable)
      --env <NAME=value>           With "--": set this environment variable for the command (repeatable)
      --cwd <dir>                  With "--": the command's working directory
      --server <name>              Probe only this server (repeatable)
      --lock, --update-lock        Write mcp-lint.lock.json: every server's tools, prompts and resource
                                   templates (names, descriptions, schema hashes). Without it, a probe reports
                                   every change against that file when it exists (tool-surface-changed)
      --no-lock                    Neither read nor write mcp-lint.lock.json
      --suppress-all               Record the probe's current errors in the suppressions file (its other
                                   entries are kept)
      --suppressions-location <f>  Suppressions file (default: mcp-lint-suppressions.json)
      --retries <n>                Retries when waiting can help: connection refused or reset, HTTP 502-504,
                                   timeouts of URL servers (default: 3)
      --timeout <ms>               Per attempt: start, initialize and the list calls (default: 10000)
      --backoff <ms>               Base delay of the first retry, doubled for each next one up to 10 s; each
                                   wait is jittered between half and all of it (default: 500)
      --concurrency <n>            Servers probed at once (default: 4)
      --verbose                    Log every attempt, its outcome and each backoff delay (to stderr)
  -c, --config <file>              Use this config file (its "ignores" and "rules") instead of looking up
                                   mcp-lint.config.json
      --no-config-lookup           Use no config file
  -f, --format <name>              ${formatterNames.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

The findings are rules like any other: mcp-lint.config.json sets their severity or turns them off, inline
"mcp-lint-disable" comments in the config file and the suppressions file apply to them.

Exit codes: 0 no error reported, 1 an error was reported (a server that failed, unless the config lowers its
finding; with --wait: a server that is not up), 2 usage error, 130 interrupted.
`;

const OPTIONS = {
  server: { type: "string", multiple: true },
  retries: { type: "string" },
  timeout: { type: "string" },
  backoff: { type: "string" },
  concurrency: { type: "string" },
  verbose: { type: "boolean" },
  config: { type: "string", short: "c" },
  "no-config-lookup": { type: "boolean" },
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  wait: { type: "string" },
  url: { type: "string" },
  sse: { type: "boolean" },
  header: { type: "string", multiple: true },
  env: { type: "string", multiple: true },
  cwd: { type: "string" },
  installed: { type: "boolean" },
  lock: { type: "boolean" },
  "update-lock": { type: "boolean" },
  "no-lock": { type: "boolean" },
  "suppress-all": { type: "boolean" },
  "suppressions-location": { type: "string" },
} as const;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Longest --wait: one day. */
const MAX_WAIT_MS = 86_400_000;

/** "30s", "2m", "500ms", "1.5h", "1m30s" as milliseconds; a UsageError for anything else. */
export function parseDuration(value: string): number {
  const text = value.trim();
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h)/y;
  let ms = 0;
  let at = 0;
  if (text !== "") {
    for (part.lastIndex = 0; at < text.length; at = part.lastIndex) {
      const m = part.exec(text);
      if (!m) break;
      ms += Number(m[1]) * UNITS[m[2]!]!;
    }
  }
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (text === "" || at < text.length) {
    const hint = /^\d+(\.\d+)?$/.test(text) ? ` (a unit is needed: ${text}s or ${text}ms?)` : "";
    throw new UsageError(`--wait needs a duration such as 30s, 2m, 500ms or 1h, not ${shown}${hint}.`);
  }
  if (ms < 1 || ms > MAX_WAIT_MS) throw new UsageError(`--wait needs a duration from 1ms to 24h, not ${shown}.`);
  return Math.round(ms);
}

/** --header "Name: value" (as curl takes it). */
function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(":");
  const name = colon > 0 ? text.slice(0, colon).trim() : "";
  if (!/^[!#$%&'*+.^_\x60|~0-9A-Za-z-]+$/.test(name)) {
    throw new UsageError(`--header needs "Name: value" with a valid header name${colon > 0 ? "" : ` (no ":" found)`}.`);
  }
  return [name, text.slice(colon + 1).trim()];
}

/** --env NAME=value. */
function parseEnv(text: string): [string, string] {
  const eq = text.indexOf("=");
  const name = eq > 0 ? text.slice(0, eq) : "";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--env needs NAME=value with a variable name of letters, digits and _.`);
  return [name, text.slice(eq + 1)];
}

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, not "${value}".`);
  return Number(text);
}

/** Runs `mcp-lint probe …` (argv without "probe"); returns the exit code. Errors are thrown for the CLI to print. */
export async function runProbe(argv: string[], io: ProbeIO): Promise<number> {
  // Everything after the first "--" is the stdio command to probe.
  const dash = argv.indexOf("--");
  const command = dash >= 0 ? argv.slice(dash + 1) : undefined;
  let parsed;
  try {
    parsed = parseArgs({ args: dash >= 0 ? argv.slice(0, dash) : argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    io.stderr.write(`mcp-lint probe: ${argsErrorText(error)}\nRun "mcp-lint probe --help" for usage.\n`);
    return 2;
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    io.stdout.write(PROBE_HELP);
    return 0;
  }
  const format = checkedFormat(values.format, io.cwd);
  const retries = wholeNumber("retries", values.retries, 0, 20);
  const timeoutMs = wholeNumber("timeout", values.timeout, 100, 600_000);
  const backoffMs = wholeNumber("backoff", values.backoff, 0, 10_000);
  const concurrency = wholeNumber("concurrency", values.concurrency, 1, 64);
  const outputFile = values["output-file"];
  const color = io.color(explicitColor(tokens), outputFile !== undefined);
  const waitMs = values.wait !== undefined ? parseDuration(values.wait) : undefined;
  if (waitMs !== undefined && retries !== undefined) throw new UsageError("--wait and --retries do not go together: --wait retries until its time is up.");
  const target = targetOf(values, positionals, command, io.cwd);
  let paths = positionals;
  if (values.installed) {
    if (target || positionals.length > 0)
      throw new UsageError(`--installed probes the servers of your clients' config files: give no paths, --url or command with it.`);
    paths = installedFiles(io.env, io.stderr, "mcp-lint probe --installed");
    if (paths.length === 0) {
      emitReport(formatResults(format, [], { cwd: io.cwd, color, version: io.version }), outputFile, io.cwd, io.stdout);
      return waitMs !== undefined ? 1 : 0;
    }
  }
  const where = values.installed ? "the config files of your clients" : positionals.length ? positionals.map((p) => `"${p}"`).join(", ") : "this folder";
  if (target && (values.lock || values["update-lock"])) throw new UsageError("--lock records the servers of config files: it does not go with --url or \"--\".");
  if ((values.lock || values["update-lock"]) && values["no-lock"]) throw new UsageError("--lock and --no-lock do not go together.");
  if (target && (values["suppress-all"] || values["suppressions-location"] !== undefined))
    throw new UsageError("The suppressions file is keyed by config file: it does not go with --url or \"--\".");

  // Loaded only here: the plain `mcp-lint` command never loads the MCP SDK.
  const { probe, probeTarget, formatProbeTable, formatProgressLine } = await import("@mcp-lint/probe");

  const tty = io.stderr.isTTY === true;
  let statusShown = false;
  const clearStatus = () => {
    if (statusShown) io.stderr.write("\r\x1b[2K");
    statusShown = false;
  };
  const onProgress = tty
    ? (event: ProbeProgress) => {
        clearStatus();
        const line = formatProgressLine(event);
        if (event.type === "done") io.stderr.write(line + "\n");
        else {
          // One status line, rewritten in place, cut to the terminal's width.
          const width = (io.stderr as { columns?: number }).columns ?? 100;
          io.stderr.write(line.length > width - 1 ? line.slice(0, width - 2) + "…" : line);
          statusShown = true;
        }
      }
    : waitMs !== undefined
      ? waitProgress(io.stderr, formatProgressLine)
      : undefined;
  const log = values.verbose
    ? (line: string) => {
        clearStatus();
        io.stderr.write(`mcp-lint probe: ${line}\n`);
      }
    : undefined;

  const controller = new AbortController();
  let interrupted = false;
  const removeHandler = io.onInterrupt(() => {
    interrupted = true;
    clearStatus();
    io.stderr.write("mcp-lint probe: interrupted; stopping the servers it started…\n");
    controller.abort();
  });
  let run;
  try {
    const options = {
      cwd: io.cwd,
      env: io.env as NodeJS.ProcessEnv,
      signal: controller.signal,
      ...(values.server ? { servers: values.server } : {}),
      ...(values.config !== undefined ? { configPath: values.config } : {}),
      ...(values["no-config-lookup"] ? { noConfigLookup: true } : {}),
      ...(retries !== undefined ? { retries } : {}),
      ...(waitMs !== undefined ? { waitMs } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(backoffMs !== undefined ? { backoffMs } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(log ? { log } : {}),
      ...(values.lock || values["update-lock"] ? { lock: "write" as const } : values["no-lock"] ? { lock: "off" as const } : {}),
    };
    run = target ? await probeTarget(target, options) : await probe(paths, options);
  } finally {
    removeHandler();
    clearStatus();
  }

  if (run.lockWritten) io.stderr.write(`mcp-lint probe: wrote ${run.lockWritten}\n`);
  let results = run.results;
  if (!target && !interrupted) {
    const suppressed = await applyProbeSuppressions(results, {
      cwd: io.cwd,
      ...(values["suppressions-location"] !== undefined ? { suppressionsLocation: values["suppressions-location"] } : {}),
      ...(values["suppress-all"] ? { suppressAll: true } : {}),
    });
    results = suppressed.results;
    if (suppressed.suppressionsWritten) io.stderr.write(`mcp-lint probe: wrote ${displayPath(io.cwd, suppressed.suppressionsFile)}\n`);
    if (suppressed.suppressedCount > 0)
      io.stderr.write(`mcp-lint probe: ${suppressed.suppressedCount} ${suppressed.suppressedCount === 1 ? "error" : "errors"} accepted by the suppressions file not reported.\n`);
  }
  const report = formatResults(format, results, { cwd: io.cwd, color, version: io.version });
  emitReport(report, outputFile, io.cwd, io.stdout);

  // The summary table is for people: on stdout with the stylish report, on stderr when stdout carries JSON or SARIF.
  const tableOut = format === "stylish" && outputFile === undefined ? io.stdout : io.stderr;
  if (run.servers.length === 0 && waitMs !== undefined) {
    io.stderr.write(`mcp-lint probe: no MCP servers found in ${where}: nothing to wait for.\n`);
    return interrupted ? 130 : 1;
  } else if (run.servers.length === 0) {
    io.stderr.write(`mcp-lint probe: no MCP servers found in ${where}.\n`);
  } else {
    // A blank line between the stylish report and the table.
    const gap = tableOut === io.stdout && report.trim() !== "" ? "\n" : "";
    tableOut.write(gap + formatProbeTable(run.servers, { color: color && tableOut === io.stdout }));
  }
  if (interrupted) return 130;
  if (waitMs !== undefined) {
    // A gate: up means answered. A server skipped (it wants an OAuth sign-in, an input prompt) is not up.
    const down = run.servers.filter((s) => s.status !== "ok");
    if (down.length > 0) io.stderr.write(`mcp-lint probe: ${down.length} of ${run.servers.length} not up: ${down.map((s) => `${s.name} (${s.status})`).join(", ").slice(0, 500)}\n`);
    return down.length > 0 ? 1 : 0;
  }
  // As for lint: errors fail the run. A failed server's finding is an error unless the config lowered or suppressed it.
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  return errors > 0 ? 1 : 0;
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true; tokens: true }>>["values"];

/** The server named by --url or after "--", or undefined (config files); usage errors for flags that do not fit. */
function targetOf(values: Values, positionals: string[], command: string[] | undefined, cwd: string): ProbeTarget | undefined {
  const fileFlags = [
    ...(positionals.length > 0 ? [`paths (${positionals.map((p) => JSON.stringify(p)).join(" ").slice(0, 80)})`] : []),
    ...(values.server ? ["--server"] : []),
    ...(values.config !== undefined ? ["--config"] : []),
  ];
  if (values.url !== undefined && command !== undefined) throw new UsageError(`Give either --url or a command after "--", not both.`);
  const target = values.url !== undefined ? "--url" : command !== undefined ? `a command after "--"` : undefined;
  if (target && fileFlags.length > 0) throw new UsageError(`${fileFlags.join(", ")} select config files; with ${target} no config file is read.`);
  if (values.url === undefined) {
    for (const flag of ["sse", "header"] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with --url.`);
  }
  if (command === undefined) {
    for (const flag of ["env", "cwd"] as const) if (values[flag] !== undefined) throw new UsageError(`--${flag} goes with a command after "--".`);
  }
  if (values.url !== undefined) {
    if (!/^https?:\/\//i.test(values.url.trim())) throw new UsageError(`--url needs an http:// or https:// URL.`);
    const headers: Record<string, string> = {};
    for (const h of values.header ?? []) {
      const [name, value] = parseHeader(h);
      headers[name] = value;
    }
    return { url: values.url.trim(), ...(values.sse ? { sse: true } : {}), ...(values.header ? { headers } : {}) };
  }
  if (command !== undefined) {
    if (command.length === 0 || command[0] === "") throw new UsageError(`Name the command to probe after "--" (mcp-lint probe -- node build/index.js).`);
    const env: Record<string, string> = {};
    for (const e of values.env ?? []) {
      const [name, value] = parseEnv(e);
      env[name] = value;
    }
    if (values.cwd !== undefined && !isDirectory(resolve(cwd, values.cwd))) throw new UsageError(`--cwd: no folder ${JSON.stringify(values.cwd.slice(0, 200))}.`);
    return { command: command[0]!, args: command.slice(1), ...(values.env ? { env } : {}), ...(values.cwd !== undefined ? { cwd: values.cwd } : {}) };
  }
  return undefined;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Progress of a wait when stderr is not a terminal (CI logs, docker logs, journald): one line per state change of a
 * server (started, down for a new reason, up or given up), not one per attempt.
 */
function waitProgress(stderr: ProbeIO["stderr"], format: (event: ProbeProgress) => string): (event: ProbeProgress) => void {
  const last = new Map<string, string>();
  return (event) => {
    const key = `${event.file}\u0000${event.name}`;
    if (event.type === "attempt") return;
    if (event.type === "retry-wait") {
      if (last.get(key) === event.reason) return;
      last.set(key, event.reason);
    }
    stderr.write(`mcp-lint probe: ${format(event)}\n`);
  };
}
