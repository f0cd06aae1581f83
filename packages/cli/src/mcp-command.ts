import { isAbsolute, relative, resolve } from "node:path";
import { allRules, didYouMeanText, formatResults, getRuleInfo, isInside, runLint, UsageError, type LintFileResult } from "@mcp-lint/core";

/**
 * `mcp-lint mcp`: an MCP server over stdio, so that an agent that just wrote an MCP config can check it. Tools:
 * lint_config (text or a file in the folder the server was started in), explain_rule, and probe_servers, which
 * starts the configured servers and so runs only when a call to it asks for it. Everything stays inside the
 * folder the server was started in; findings are redacted as in every report (no secret value is returned).
 */

const TOOLS = [
  {
    name: "lint_config",
    description:
      "Lint an MCP client config (Claude Code .mcp.json, .cursor/mcp.json, .vscode/mcp.json, claude_desktop_config.json, Codex config.toml, ...) or MCP server/client code, statically (nothing is run). Give `text` (unsaved content; `filename` decides the client format, e.g. \".vscode/mcp.json\") or `path` (a file or folder inside the server's working folder).",
    inputSchema: {
      type: "object",
      properties: {
        text: { type: "string", description: "The file's content to lint (at most 10 MiB)." },
        filename: { type: "string", description: "The name of that content, relative to the working folder; it decides the client format or language and the mcp-lint configs that apply." },
        path: { type: "string", description: "A file or folder to lint instead, relative to the working folder." },
      },
      additionalProperties: false,
    },
    annotations: { title: "Lint an MCP config", readOnlyHint: true, openWorldHint: false },
  },
  {
    name: "explain_rule",
    description: "Explain an mcp-lint rule: what it checks, its default severity, whether it is recommended, and its documentation URL.",
    inputSchema: { type: "object", properties: { id: { type: "string", description: "The rule id, e.g. npx-yes." } }, required: ["id"], additionalProperties: false },
    annotations: { title: "Explain a rule", readOnlyHint: true, openWorldHint: false },
  },
  {
    name: "probe_servers",
    description:
      "Start (stdio) or reach (HTTP) every MCP server that the configs under `path` name, with the MCP SDK's client, and say why one fails. This RUNS the commands the configs name: call it only for configs you trust.",
    inputSchema: {
      type: "object",
      properties: { path: { type: "string", description: "A config file or folder inside the working folder (default: the working folder)." } },
      additionalProperties: false,
    },
    annotations: { title: "Probe MCP servers (runs them)", readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  },
] as const;

interface ToolResult {
  content: Array<{ type: "text"; text: string }>;
  isError?: boolean;
}

const text = (t: string, isError = false): ToolResult => ({ content: [{ type: "text", text: t }], ...(isError ? { isError } : {}) });

/** A path argument from the client, relative to the working folder and inside it (never out through `..`). */
function insidePath(cwd: string, given: unknown, name: string): string {
  if (typeof given !== "string" || given === "") throw new UsageError(`"${name}" must be a non-empty string.`);
  const abs = resolve(cwd, given);
  if (isAbsolute(relative(cwd, abs)) || relative(cwd, abs).startsWith("..") || !isInside(cwd, abs))
    throw new UsageError(`"${name}" must be inside the working folder ${cwd}.`);
  return relative(cwd, abs) || ".";
}

function report(results: LintFileResult[], cwd: string, version: string): string {
  const findings = results.reduce((n, r) => n + r.findings.length, 0);
  if (findings === 0) return `No problems found (${results.length} file${results.length === 1 ? "" : "s"} checked).`;
  return formatResults("json", results, { cwd, color: false, version });
}

export async function callTool(name: string, args: Record<string, unknown>, cwd: string, version: string): Promise<ToolResult> {
  try {
    switch (name) {
      case "lint_config": {
        if (args.text !== undefined) {
          if (typeof args.text !== "string") throw new UsageError(`"text" must be a string.`);
          if (args.path !== undefined) throw new UsageError(`Give "text" or "path", not both.`);
          const filename = args.filename === undefined ? undefined : insidePath(cwd, args.filename, "filename");
          if (Buffer.byteLength(args.text) > 10 * 1024 * 1024) throw new UsageError(`"text" is larger than 10 MiB.`);
          const outcome = await runLint([], { cwd, stdin: { text: args.text, ...(filename ? { filename } : {}) }, passOnUnprunedSuppressions: true });
          return text(report(outcome.results, cwd, version), outcome.exitCode === 1);
        }
        const path = insidePath(cwd, args.path ?? ".", "path");
        const outcome = await runLint([path], { cwd, passOnUnprunedSuppressions: true });
        return text(report(outcome.results, cwd, version), outcome.exitCode === 1);
      }
      case "explain_rule": {
        const id = String(args.id ?? "").replace(/^mcp-lint\//, "");
        const rule = getRuleInfo(id);
        if (!rule) return text(`Unknown rule "${id}".${didYouMeanText(id, allRules.map((r) => r.id))}`, true);
        return text(
          JSON.stringify(
            { id: rule.id, description: rule.description, defaultSeverity: rule.severity, recommended: rule.recommended, fixable: rule.fixable, docsUrl: rule.docsUrl },
            null,
            2,
          ),
        );
      }
      case "probe_servers": {
        const path = insidePath(cwd, args.path ?? ".", "path");
        const { probe, formatProbeTable } = await import("@mcp-lint/probe");
        const run = await probe([path], { cwd });
        const table = run.servers.length ? formatProbeTable(run.servers) : "No MCP servers found in the configs.";
        const failed = run.servers.filter((s) => s.status === "failed").length;
        return text(`${table}\n${report(run.results, cwd, version)}`, failed > 0);
      }
      default:
        return text(`Unknown tool "${name}". Tools: ${TOOLS.map((t) => t.name).join(", ")}.`, true);
    }
  } catch (error) {
    // Bad arguments and broken mcp-lint configs are the caller's to fix: a message, never a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    return text(`mcp-lint: ${message.split("\n")[0]}`, true);
  }
}

/** Runs the server on stdin/stdout until the client disconnects. */
export async function runMcpServer(cwd: string, version: string): Promise<void> {
  const { Server } = await import("@modelcontextprotocol/sdk/server/index.js");
  const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
  const { ListToolsRequestSchema, CallToolRequestSchema } = await import("@modelcontextprotocol/sdk/types.js");
  // The low-level Server: tools with plain JSON Schemas, without a zod dependency.
  const server = new Server({ name: "mcp-lint", version }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => Promise.resolve({ tools: TOOLS.map((t) => ({ ...t })) as never }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => (await callTool(request.params.name, request.params.arguments ?? {}, resolve(cwd), version)) as never);
  const closed = new Promise<void>((done) => (server.onclose = done));
  await server.connect(new StdioServerTransport());
  await closed;
}
