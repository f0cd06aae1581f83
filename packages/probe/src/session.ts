import { setMaxListeners } from "node:events";
import type { OffsetRange, Severity } from "@mcp-lint/core";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import type { Redactor } from "./redact.js";

/** The client identity sent in initialize. */
export const CLIENT_INFO = { name: "mcp-lint-probe", version: "0.1.0" };

/** Pages followed per list call. */
const MAX_PAGES = 10;

/** A finding before it is located in its document. */
export interface Diagnosis {
  ruleId: string;
  severity: Severity;
  message: string;
  pointer: string;
  /** Key or value of `pointer` (default "value"). */
  part?: "key" | "value";
  /** Exact source offsets (a placeholder inside a string). */
  range?: OffsetRange;
}

export interface ServerFacts {
  server?: { name: string; version: string; protocolVersion?: string };
  counts: { tools?: number; resources?: number; prompts?: number };
  /**
   * What the list calls returned, as the server sent it (not redacted: never printed; the lock keeps names,
   * descriptions and hashes). The one place the live tool list is available, for the lock and for scans of it.
   */
  listed?: { tools: unknown[]; prompts: unknown[]; resourceTemplates: unknown[]; instructions?: string };
}

export interface AttemptResult {
  outcome: "ok" | "failed" | "skipped" | "aborted";
  /** Waiting can help: connection refused/reset, a temporary DNS failure, HTTP 429/502/503/504, timeouts of URL servers. */
  retryable: boolean;
  /** At most this many retries for this kind of failure, whatever --retries says (a connection reset: 1). */
  maxRetries?: number;
  /** Wait this long before the retry instead of the backoff (HTTP 429's Retry-After; capped by the caller). */
  retryAfterMs?: number;
  /** Short outcome for log lines ("connection refused", "HTTP 404", "exited with code 3"). Failures of one kind share it. */
  reason: string;
  /** The diagnosis of a failed or skipped attempt, given the number of attempts made. */
  diagnose?: (attempts: number) => Diagnosis;
  /** Findings that stand besides the outcome (stdout noise of a server that answered). */
  extra: Diagnosis[];
  facts?: ServerFacts;
}

export function newClient(): Client {
  const client = new Client(CLIENT_INFO, { capabilities: {} });
  client.onerror = () => {
    // transport errors are diagnosed from what the transport recorded, not from these events
  };
  return client;
}


export function isMethodNotFound(error: unknown): boolean {
  return error instanceof McpError && error.code === ErrorCode.MethodNotFound;
}

/**
 * initialize, then tools/list (always; a server that advertises no tools may answer "method not found"),
 * resources/list and prompts/list when advertised, following nextCursor up to 10 pages. `phase.name`
 * says which request is in flight, for the diagnosis.
 */
export async function handshake(
  client: Client,
  transport: Transport,
  signal: AbortSignal,
  timeoutMs: number,
  phase: { name: string },
  protocol: { version?: string },
  redactor: Redactor,
): Promise<ServerFacts> {
  // What the server says about itself goes into tables and progress lines: one line, redacted.
  const clean = (text: unknown, max: number) => redactor.line(typeof text === "string" ? text : String(text ?? ""), max);
  // The SDK's own timeout is a backstop: the attempt's deadline (the signal) comes first.
  const options = { signal, timeout: timeoutMs + 1000 };
  const original = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version: string) => {
    protocol.version = version;
    original?.(version);
  };
  phase.name = "initialize";
  await client.connect(transport, options);
  const capabilities = client.getServerCapabilities() ?? {};
  const info = client.getServerVersion();
  const instructions = client.getInstructions();
  // initialize's instructions: many clients add them to the model's context (scanned like descriptions).
  const listed = { tools: [] as unknown[], prompts: [] as unknown[], resourceTemplates: [] as unknown[], ...(typeof instructions === "string" ? { instructions } : {}) };
  const facts: ServerFacts = { counts: {}, listed };
  if (info) {
    facts.server = { name: clean(info.name, 80), version: clean(info.version, 40) };
    if (protocol.version) facts.server.protocolVersion = clean(protocol.version, 20);
  }

  const count = async (
    method: string,
    list: (cursor: string | undefined) => Promise<{ items: number; nextCursor?: string }>,
  ): Promise<number> => {
    phase.name = method;
    let n = 0;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await list(cursor);
      n += r.items;
      cursor = r.nextCursor;
      if (!cursor) break;
    }
    return n;
  };
  const params = (cursor: string | undefined) => (cursor ? { cursor } : undefined);

  try {
    facts.counts.tools = await count("tools/list", async (c) => {
      const r = await client.listTools(params(c), options);
      listed.tools.push(...r.tools);
      return { items: r.tools.length, ...(r.nextCursor ? { nextCursor: r.nextCursor } : {}) };
    });
  } catch (error) {
    if (capabilities.tools || !isMethodNotFound(error)) throw error;
  }
  if (capabilities.resources) {
    facts.counts.resources = await count("resources/list", async (c) => {
      const r = await client.listResources(params(c), options);
      return { items: r.resources.length, ...(r.nextCursor ? { nextCursor: r.nextCursor } : {}) };
    });
  }
  if (capabilities.resources) {
    try {
      await count("resources/templates/list", async (c) => {
        const r = await client.listResourceTemplates(params(c), options);
        listed.resourceTemplates.push(...r.resourceTemplates);
        return { items: r.resourceTemplates.length, ...(r.nextCursor ? { nextCursor: r.nextCursor } : {}) };
      });
    } catch (error) {
      // Templates are optional: a server with resources may not implement resources/templates/list.
      if (!isMethodNotFound(error)) throw error;
    }
  }
  if (capabilities.prompts) {
    facts.counts.prompts = await count("prompts/list", async (c) => {
      const r = await client.listPrompts(params(c), options);
      listed.prompts.push(...r.prompts);
      return { items: r.prompts.length, ...(r.nextCursor ? { nextCursor: r.nextCursor } : {}) };
    });
  }
  phase.name = "done";
  return facts;
}

export interface DeadlineRun<T> {
  value?: T;
  error?: unknown;
  /** The attempt's deadline passed. */
  timedOut: boolean;
  /** The run's signal was aborted. */
  aborted: boolean;
}

/**
 * Runs `work` with a signal that aborts at the deadline or when `outer` aborts, and settles as soon as
 * either happens even if `work` does not listen (the caller then closes the transport, which ends it).
 */
export async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs: number, outer?: AbortSignal): Promise<DeadlineRun<T>> {
  const controller = new AbortController();
  // The SDK adds an abort listener per request (up to 31 with paging): not a leak.
  setMaxListeners(0, controller.signal);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error("probe timeout"));
  }, timeoutMs);
  const onAbort = () => controller.abort(new Error("probe aborted"));
  if (outer?.aborted) onAbort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  const stopped = new Promise<never>((_, reject) => {
    if (controller.signal.aborted) reject(controller.signal.reason);
    else controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });
  stopped.catch(() => undefined);
  try {
    const running = work(controller.signal);
    running.catch(() => undefined);
    const value = await Promise.race([running, stopped]);
    return { value, timedOut: false, aborted: false };
  } catch (error) {
    const aborted = outer?.aborted === true && !timedOut;
    return { error, timedOut: timedOut && !aborted, aborted };
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onAbort);
  }
}

/** The server's own message of a JSON-RPC error (without the SDK's "MCP error -32602: " prefix). */
export function jsonRpcError(error: unknown): { code: number; message: string } | undefined {
  if (!(error instanceof McpError)) return undefined;
  if (error.code === ErrorCode.ConnectionClosed && /Connection closed$/.test(error.message)) return undefined;
  if (error.code === ErrorCode.RequestTimeout && /Request timed out$/.test(error.message)) return undefined;
  return { code: error.code, message: error.message.replace(/^MCP error -?\d+: /, "") };
}

/** The SDK client's "Server's protocol version is not supported: X". */
export function unsupportedVersion(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return /^Server's protocol version is not supported: (.*)$/.exec(error.message)?.[1];
}
