// Wait until an MCP server answers, then connect the SDK's Client to it.
//   node wait-then-connect.mjs http://127.0.0.1:3001/mcp
import { waitForServer, ServerNotReadyError } from "@mcp-lint/probe";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = process.argv[2] ?? "http://127.0.0.1:3001/mcp";
// Ctrl-C ends the wait (any AbortSignal does).
const controller = new AbortController();
const stop = () => controller.abort(new Error("interrupted"));
process.once("SIGINT", stop);
try {
  // Retries with backoff and jitter for up to 60 s; failures waiting cannot fix end it at once.
  const ready = await waitForServer({ url }, { waitMs: 60_000, signal: controller.signal, log: (line) => console.error(line) });
  console.error(`up after ${ready.attempts} attempts`);
} catch (error) {
  if (!(error instanceof ServerNotReadyError)) throw error;
  // The same diagnosis `mcp-lint probe` prints: rule id and message.
  console.error(`${error.probe.finding?.ruleId}: ${error.probe.finding?.message}`);
  process.exit(1);
} finally {
  process.removeListener("SIGINT", stop);
}

const client = new Client({ name: "example", version: "1.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
const { tools } = await client.listTools();
console.log(`connected to ${client.getServerVersion()?.name}: ${tools.length} tools`);
await client.close();
