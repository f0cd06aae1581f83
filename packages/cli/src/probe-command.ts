import { parseArgs } from "node:util";
import { formatResults, formatterNames, UsageError } from "@mcp-lint/core";
import type { ProbeProgress } from "@mcp-lint/probe";
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

Start or reach every MCP server configured in the config files found, with the MCP SDK's client, and say
why one fails: stdio servers are spawned with their command, args, env and cwd (no shell); URL servers are
reached over Streamable HTTP (SSE only where the config says so). Then initialize and tools/list
(resources/list and prompts/list when advertised). Default path: "."

This runs the commands your configs name: probe only configs you trust.

Options:
      --server <name>              Probe only this server (repeatable)
      --retries <n>                Retries when waiting can help: connection refused or reset, HTTP 502-504,
                                   timeouts of URL servers (default: 3)
      --timeout <ms>               Per attempt: start, initialize and the list calls (default: 10000)
      --backoff <ms>               Base delay of the first retry, doubled for each next one up to 10 s; each
                                   wait is jittered between half and all of it (default: 500)
      --concurrency <n>            Servers probed at once (default: 4)
      --verbose                    Log every attempt, its outcome and each backoff delay (to stderr)
  -c, --config <file>              Use this config file (its "ignores") instead of looking up mcp-lint.config.json
      --no-config-lookup           Use no config file
  -f, --format <name>              ${formatterNames.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

Exit codes: 0 every server answered, 1 a server failed (an error finding), 2 usage error, 130 interrupted.
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
} as const;

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new UsageError(`--${name} needs a whole number from ${min} to ${max}, not "${value}".`);
  return Number(text);
}

/** Runs `mcp-lint probe …` (argv without "probe"); returns the exit code. Errors are thrown for the CLI to print. */
export async function runProbe(argv: string[], io: ProbeIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
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

  // Loaded only here: the plain `mcp-lint` command never loads the MCP SDK.
  const { probe, formatProbeTable, formatProgressLine, PROBE_RULE_INFO } = await import("@mcp-lint/probe");

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
    run = await probe(positionals, {
      cwd: io.cwd,
      env: io.env as NodeJS.ProcessEnv,
      signal: controller.signal,
      ...(values.server ? { servers: values.server } : {}),
      ...(values.config !== undefined ? { configPath: values.config } : {}),
      ...(values["no-config-lookup"] ? { noConfigLookup: true } : {}),
      ...(retries !== undefined ? { retries } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(backoffMs !== undefined ? { backoffMs } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(log ? { log } : {}),
    });
  } finally {
    removeHandler();
    clearStatus();
  }

  const report = formatResults(format, run.results, { cwd: io.cwd, color, version: io.version, extraRules: PROBE_RULE_INFO });
  emitReport(report, outputFile, io.cwd, io.stdout);

  // The summary table is for people: on stdout with the stylish report, on stderr when stdout carries JSON or SARIF.
  const tableOut = format === "stylish" && outputFile === undefined ? io.stdout : io.stderr;
  if (run.servers.length === 0) {
    io.stderr.write(`mcp-lint probe: no MCP servers found in ${positionals.length ? positionals.map((p) => `"${p}"`).join(", ") : "this folder"}.\n`);
  } else {
    // A blank line between the stylish report and the table.
    const gap = tableOut === io.stdout && report.trim() !== "" ? "\n" : "";
    tableOut.write(gap + formatProbeTable(run.servers, { color: color && tableOut === io.stdout }));
  }
  if (interrupted) return 130;
  const errors = run.results.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  return errors > 0 || run.servers.some((s) => s.status === "failed") ? 1 : 0;
}
