import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  ConfigError,
  formatResults,
  formatterNames,
  listRules,
  MAX_FILE_BYTES,
  parseRuleSpec,
  parseSeverity,
  type SeveritySetting,
  printConfigFor,
  runLint,
  UsageError,
  type RuleSettings,
} from "@mcp-lint/core";
import { runInit } from "./init-command.js";
import { installedFiles } from "./installed.js";
import { runProbe } from "./probe-command.js";
import { argsErrorText, checkedFormat, emitReport, explicitColor } from "./report.js";

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIO {
  cwd: string;
  /** Where --stdin reads from (default: process.stdin). */
  stdin?: AsyncIterable<Buffer | string>;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Registers a Ctrl-C handler for the probe; returns its removal (default: process SIGINT). */
  onInterrupt?: (handler: () => void) => () => void;
}

/** Set by scripts/build-action.mjs in the self-contained bundle (dist/cli.js); read from package.json otherwise. */
declare const __MCP_LINT_VERSION__: string | undefined;

export const version: string =
  typeof __MCP_LINT_VERSION__ === "string"
    ? __MCP_LINT_VERSION__
    : (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

const HELP = `mcp-lint [options] [file|dir|glob]...

Find broken MCP client configs before anything runs.
Folders are searched for MCP config files (.mcp.json, .cursor/mcp.json, .vscode/mcp.json,
claude_desktop_config.json, ...); files named explicitly are always checked. Default: "."

Commands:
  mcp-lint init [--workflow]       Write a starter mcp-lint.config.json (and the GitHub workflow)
  mcp-lint mcp                     Serve MCP over stdio: tools lint_config, explain_rule, probe_servers
                                   (for agents; the probe tool runs the configured servers when called)
  mcp-lint probe [paths]           Start or reach every configured server and say why one fails
                                   (runs the configured commands; see "mcp-lint probe --help")

Your clients' configs:
      --installed                  Check the config files the MCP clients of this machine load (Claude Desktop,
                                   Claude Code, Cursor, VS Code, Windsurf, Cline, Gemini CLI, Codex, ...) at their
                                   user-level locations; says on stderr which were found and which clients have none
                                   (see docs/installed.md). Give no paths with it.

Output:
  -f, --format <name>              ${formatterNames.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off (default: on for a terminal, off with NO_COLOR)
      --quiet                      Report errors only

Rules and config:
  -c, --config <file>              Use this config file instead of looking up mcp-lint.config.json
      --no-config-lookup           Use no config file
      --rule <id:severity>         Set a rule, e.g. --rule npx-yes:off or 'no-relative-path:["error",{...}]'
                                   (repeatable; beats the config file)
      --dialect <id>               Check the files named on the command line as this client's format
      --no-warn-ignored            No warning for explicitly named files that "ignores" matches
      --report-unused-disable-directives  Report mcp-lint-disable comments that disable nothing as errors
      --report-unused-disable-directives-severity <sev>
                                   Their severity: off | info (default) | warn | error (misspelt
                                   directives are a warning, or error with error; off reports neither)

Editors and tools:
      --stdin                      Lint the text on stdin (unsaved text; at most 10 MiB) instead of files
      --stdin-filename <path>      The name of that text: it decides the client format or language and the
                                   config files that apply, as for a file of that name (default: <text>)

Fixing and results:
      --fix                        Fix problems where the fix is certain, and write the files back
      --max-warnings <n>           Fail (exit 1) when there are more than n warnings

Suppressions (baseline of accepted errors):
      --suppress-all               Record all current errors in the suppressions file
      --prune-suppressions         Remove suppressions that no longer occur
      --suppressions-location <f>  Suppressions file (default: mcp-lint-suppressions.json)
      --pass-on-unpruned-suppressions  Do not fail on suppressions that no longer occur

Information:
      --list-rules                 List the rules and their defaults
      --print-config <file>        Print the dialect and rule settings used for a file
  -h, --help                       Show this help
  -v, --version                    Show the version

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage, config or internal error.
`;

const OPTIONS = {
  format: { type: "string", short: "f" },
  "output-file": { type: "string", short: "o" },
  "max-warnings": { type: "string" },
  quiet: { type: "boolean" },
  fix: { type: "boolean" },
  rule: { type: "string", multiple: true },
  config: { type: "string", short: "c" },
  "no-config-lookup": { type: "boolean" },
  dialect: { type: "string" },
  "list-rules": { type: "boolean" },
  "print-config": { type: "string" },
  color: { type: "boolean" },
  "no-color": { type: "boolean" },
  "suppress-all": { type: "boolean" },
  "prune-suppressions": { type: "boolean" },
  "suppressions-location": { type: "string" },
  "pass-on-unpruned-suppressions": { type: "boolean" },
  "no-warn-ignored": { type: "boolean" },
  stdin: { type: "boolean" },
  installed: { type: "boolean" },
  "report-unused-disable-directives": { type: "boolean" },
  "report-unused-disable-directives-severity": { type: "string" },
  "stdin-filename": { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

function defaultIO(): CliIO {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, onInterrupt: processInterrupt };
}

function processInterrupt(handler: () => void): () => void {
  process.once("SIGINT", handler);
  return () => process.removeListener("SIGINT", handler);
}

/** Colour by default when stdout is a terminal, NO_COLOR is unset or empty, and FORCE_COLOR is not "0". */
function colorFromEnvironment(io: CliIO): boolean {
  if (io.env.FORCE_COLOR === "0") return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "") return true;
  return io.stdout.isTTY === true;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`--max-warnings needs a whole number, not "${value}".`);
  return Number(value);
}

function parseRules(specs: string[] | undefined): RuleSettings | undefined {
  if (!specs?.length) return undefined;
  const rules: RuleSettings = {};
  for (const spec of specs) {
    const parsed = parseRuleSpec(spec);
    if ("error" in parsed) throw new UsageError(`--rule: ${parsed.error}`);
    rules[parsed.id] = parsed.setting;
  }
  return rules;
}

/** ESLint's two flags: the first means "error", the second names a severity; not both. */
function unusedDirectivesSetting(flag: boolean, severity: string | undefined): SeveritySetting | undefined {
  if (flag && severity !== undefined)
    throw new UsageError("--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together.");
  if (flag) return "error";
  if (severity === undefined) return undefined;
  const parsed = parseSeverity(/^\d$/.test(severity) ? Number(severity) : severity);
  if (!parsed) throw new UsageError(`--report-unused-disable-directives-severity: use off, info, warn or error, not "${severity}".`);
  return parsed;
}

/** Reads stdin as UTF-8, at most MAX_FILE_BYTES (the cap on every file read): more is a usage error, not read on. */
export async function readStdin(input: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_FILE_BYTES) throw new UsageError(`The text on stdin is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, so it was not linted.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function ruleTable(): string {
  const rows = listRules().map((r) => [r.id, r.severity, r.recommended ? "yes" : "no", r.fixable ? "yes" : r.hasSuggestions ? "suggestion" : "no", r.description]);
  const header = ["Rule", "Default severity", "Recommended", "Fixable", "Description"];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

function errorText(error: unknown, debug: boolean): string {
  if (error instanceof ConfigError) return `mcp-lint: ${error.describe()}\n`;
  if (error instanceof UsageError) return `mcp-lint: ${error.message}\n`;
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  return `mcp-lint: internal error: ${message.split("\n")[0]}${stack}\nThis is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.\n`;
}

/** Runs the CLI; returns the exit code (the bin sets process.exitCode). Never throws. */
export async function run(argv: string[], ioOverrides: Partial<CliIO> = {}): Promise<number> {
  const io: CliIO = { ...defaultIO(), ...ioOverrides };
  const debug = (io.env.DEBUG ?? "").split(/[\s,]+/).some((d) => d === "mcp-lint" || d === "mcp-lint:*" || d === "*");
  try {
    if (argv[0] === "init") return runInit(argv.slice(1), io);
    if (argv[0] === "mcp") {
      if (argv.length > 1) throw new UsageError("mcp-lint mcp takes no arguments: it serves MCP over stdio, in the current folder.");
      const { runMcpServer } = await import("./mcp-command.js");
      await runMcpServer(io.cwd, version);
      return 0;
    }
    if (argv[0] === "probe") {
      return await runProbe(argv.slice(1), {
        cwd: io.cwd,
        env: io.env,
        stdout: io.stdout,
        stderr: io.stderr,
        onInterrupt: io.onInterrupt ?? processInterrupt,
        color: (explicit, toFile) => explicit ?? (!toFile && colorFromEnvironment(io)),
        version,
      });
    }
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
    } catch (error) {
      io.stderr.write(`mcp-lint: ${argsErrorText(error)}\nRun "mcp-lint --help" for usage.\n`);
      return 2;
    }
    const { values, positionals, tokens } = parsed;
    if (values.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (values.version) {
      io.stdout.write(`v${version}\n`);
      return 0;
    }
    if (values["list-rules"]) {
      io.stdout.write(ruleTable());
      return 0;
    }

    const rules = parseRules(values.rule);
    const common = {
      cwd: io.cwd,
      ...(values.config !== undefined ? { configPath: values.config } : {}),
      ...(values["no-config-lookup"] ? { noConfigLookup: true } : {}),
      ...(rules ? { rules } : {}),
      ...(values.dialect !== undefined ? { dialect: values.dialect } : {}),
    };

    if (values["print-config"] !== undefined) {
      io.stdout.write(JSON.stringify(printConfigFor(values["print-config"], common), null, 2) + "\n");
      return 0;
    }

    const format = checkedFormat(values.format, io.cwd);
    const maxWarnings = parseMaxWarnings(values["max-warnings"]);
    const outputFile = values["output-file"];
    // The last of --color / --no-color wins; without either, look at the terminal and the environment.
    const color = explicitColor(tokens) ?? (outputFile === undefined && colorFromEnvironment(io));

    if (values["stdin-filename"] !== undefined && !values.stdin) throw new UsageError("--stdin-filename names the text read with --stdin: add --stdin.");
    const stdin = values.stdin ? { text: await readStdin(io.stdin ?? process.stdin), ...(values["stdin-filename"] ? { filename: values["stdin-filename"] } : {}) } : undefined;

    let paths = positionals;
    if (values.installed) {
      const clash = [
        ...(positionals.length > 0 ? ["paths"] : []),
        ...(values.stdin ? ["--stdin"] : []),
        ...(values.dialect !== undefined ? ["--dialect"] : []),
        ...(values.fix ? ["--fix"] : []),
      ];
      if (clash.length > 0)
        throw new UsageError(
          `--installed checks the files your clients load, each as its client's format and without writing them: give no ${clash.join(", ")} with it.`,
        );
      paths = installedFiles(io.env, io.stderr, "mcp-lint --installed");
      if (paths.length === 0) {
        // Nothing to lint: an empty report in the format asked for (not a walk of the current folder).
        emitReport(formatResults(format, [], { cwd: io.cwd, color, version }), outputFile, io.cwd, io.stdout);
        return 0;
      }
    }

    const unusedDirectives = unusedDirectivesSetting(values["report-unused-disable-directives"] === true, values["report-unused-disable-directives-severity"]);
    const outcome = await runLint(paths, {
      ...(stdin ? { stdin } : {}),
      ...(unusedDirectives ? { reportUnusedDisableDirectives: unusedDirectives } : {}),
      ...common,
      fix: values.fix === true,
      quiet: values.quiet === true,
      ...(maxWarnings !== undefined ? { maxWarnings } : {}),
      suppressAll: values["suppress-all"] === true,
      pruneSuppressions: values["prune-suppressions"] === true,
      ...(values["suppressions-location"] !== undefined ? { suppressionsLocation: values["suppressions-location"] } : {}),
      passOnUnprunedSuppressions: values["pass-on-unpruned-suppressions"] === true,
      warnIgnored: values["no-warn-ignored"] !== true,
    });

    const report = formatResults(format, outcome.results, { cwd: io.cwd, color, version });
    emitReport(report, outputFile, io.cwd, io.stdout);
    for (const notice of outcome.notices) io.stderr.write(`${notice}\n`);
    return outcome.exitCode;
  } catch (error) {
    io.stderr.write(errorText(error, debug));
    return 2;
  }
}
