import type { Dialect } from "@mcp-lint/core";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { failingResponse, isTlsCode, lastOk, recordingFetch, type HttpRecord } from "./http.js";
import {
  RULES,
  authMessage,
  badPortMessage,
  connectFailedMessage,
  contentTypeMessage,
  hostNotFoundMessage,
  httpStatusMessage,
  invalidResultMessage,
  jsonRpcErrorMessage,
  notHttpMessage,
  refusedMessage,
  requestFailedMessage,
  resetMessage,
  seconds,
  tlsMessage,
  unreachableMessage,
  unsupportedVersionMessage,
  urlTimeoutMessage,
  type HttpContext,
} from "./messages.js";
import { isSecretName, type Redactor } from "./redact.js";
import { handshake, jsonRpcError, newClient, unsupportedVersion, withDeadline, type AttemptResult, type Diagnosis } from "./session.js";

export interface UrlAttempt {
  url: URL;
  transport: "http" | "sse";
  /** The headers of the config (resolved). */
  headers: Array<{ name: string; value: string }>;
  /** `Basic …` from the URL's user:password, sent as Authorization (only when the config sets no Authorization header). */
  basicAuth?: string;
  /** Pointer of the URL value (every URL finding is located there). */
  urlPointer: string;
  /** Display forms: never userinfo, query or a secret-looking path. */
  origin: string;
  hostPort: string;
  host: string;
  port: number | undefined;
  /** The path as configured, when it may be shown. */
  path?: string;
  dialect: Dialect;
  timeoutMs: number;
  signal?: AbortSignal;
  redactor: Redactor;
}

const LINE_MAX = 200;
/** Statuses worth waiting for: rate limited, or a gateway / server that is not ready. */
const RETRY_STATUS = new Set([429, 502, 503, 504]);
/** Ending the session (DELETE) after the result is known: a server that never answers it must not hold the probe. */
export const TERMINATE_TIMEOUT_MS = 1000;
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const RESET_CODES = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "ECONNABORTED"]);
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"]);
const UNREACHABLE_CODES = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL"]);

/** A header that carries credentials: its name says so (the broad redaction test: Authorization, X-Api-Key, Cookie …). */
function isCredentialHeader(name: string): boolean {
  return isSecretName(name) || /^cookie$/i.test(name);
}

/** One connection to a URL server: Streamable HTTP (or SSE where the config says so), initialize, list, close. */
export async function attemptUrl(a: UrlAttempt): Promise<AttemptResult> {
  const record: HttpRecord = { responses: [] };
  const phase = { name: "initialize" };
  const protocol: { version?: string } = {};
  let transport: Transport | undefined;
  const client = newClient();
  // Aborts the requests of this attempt after its deadline has passed (the DELETE that ends the session).
  const cleanup = new AbortController();
  const headers: Array<[string, string]> = a.headers.map((h): [string, string] => [h.name, h.value]);
  if (a.basicAuth !== undefined) headers.push(["Authorization", a.basicAuth]);
  const run = await withDeadline(
    async (signal) => {
      const fetch = recordingFetch(record, AbortSignal.any([signal, cleanup.signal]));
      const requestInit: RequestInit = { headers };
      const t =
        a.transport === "sse"
          ? new SSEClientTransport(a.url, { requestInit, fetch })
          : new StreamableHTTPClientTransport(a.url, { requestInit, fetch });
      transport = t;
      return handshake(client, t, signal, a.timeoutMs, phase, protocol, a.redactor);
    },
    a.timeoutMs,
    a.signal,
  );

  let result: AttemptResult;
  if (run.aborted) result = { outcome: "aborted", retryable: false, reason: "aborted", extra: [] };
  else if (run.value) result = { outcome: "ok", retryable: false, reason: "ok", extra: [], facts: run.value };
  else result = classify(a, record, run.error, run.timedOut, phase.name);

  // Be polite: end the Streamable HTTP session, once the result is known and on its own short deadline (servers that
  // keep no session answer 405; one that never answers does not change the result).
  if (!run.aborted && !run.timedOut && transport instanceof StreamableHTTPClientTransport) {
    await endSession(transport, cleanup, a.signal);
  }
  cleanup.abort();
  await client.close().catch(() => undefined);
  await (transport as Transport | undefined)?.close().catch(() => undefined);
  return result;
}

/** terminateSession() within TERMINATE_TIMEOUT_MS (or until the run is aborted); its failure is ignored. */
async function endSession(t: StreamableHTTPClientTransport, cleanup: AbortController, outer?: AbortSignal): Promise<void> {
  if (t.sessionId === undefined || outer?.aborted) return;
  const stop = () => cleanup.abort();
  const timer = setTimeout(stop, TERMINATE_TIMEOUT_MS);
  outer?.addEventListener("abort", stop, { once: true });
  const stopped = new Promise<void>((resolveStopped) => cleanup.signal.addEventListener("abort", () => resolveStopped(), { once: true }));
  try {
    await Promise.race([t.terminateSession().catch(() => undefined), stopped]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", stop);
  }
}

/** Retry-After in milliseconds: delta-seconds or an HTTP date (undefined when absent or unreadable). */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function classify(a: UrlAttempt, record: HttpRecord, error: unknown, timedOut: boolean, phase: string): AttemptResult {
  const at = (ruleId: string, message: (attempts: number) => string, severity: Diagnosis["severity"] = "error") => (attempts: number): Diagnosis => ({
    ruleId,
    severity,
    message: message(attempts),
    pointer: a.urlPointer,
    part: "value",
  });
  const fail = (
    reason: string,
    retryable: boolean,
    diagnose: (attempts: number) => Diagnosis,
    outcome: "failed" | "skipped" = "failed",
    more: Pick<AttemptResult, "maxRetries" | "retryAfterMs"> = {},
  ): AttemptResult => ({
    outcome,
    retryable,
    reason,
    diagnose,
    extra: [],
    ...more,
  });
  const client = a.dialect.client;
  const failing = failingResponse(record, a.transport);
  const method = failing?.method ?? (a.transport === "sse" ? "GET" : "POST");
  const ctx: HttpContext = {
    where: `${method} ${a.origin}${a.path ?? ""}`,
    transport: a.transport,
    ...(a.path !== undefined ? { path: a.path } : {}),
    origin: a.origin,
    dialect: a.dialect,
    attempts: 1,
  };
  const withAttempts = (attempts: number): HttpContext => ({ ...ctx, attempts });

  if (timedOut) {
    const answered = record.responses.length > 0;
    return fail(`no answer within ${seconds(a.timeoutMs)}`, true, at(RULES.timeout, (n) => urlTimeoutMessage(ctx.where, a.timeoutMs, n, phase, answered)));
  }

  const code = record.networkCode;
  if (code && !failing) {
    if (code === "ECONNREFUSED") return fail("connection refused", true, at(RULES.connectionRefused, (n) => refusedMessage(a.hostPort, a.port, n, client)));
    // A reset may be a server still starting, but usually it is permanent (plain HTTP to a TLS port): one retry.
    if (RESET_CODES.has(code)) {
      return fail("connection reset", true, at(RULES.connectionRefused, (n) => resetMessage(a.hostPort, n)), "failed", { maxRetries: 1 });
    }
    // EAI_AGAIN is a temporary DNS failure: worth retrying. The others say the name does not exist.
    if (code === "EAI_AGAIN") return fail("temporary DNS failure (EAI_AGAIN)", true, at(RULES.hostNotFound, (n) => hostNotFoundMessage(a.host, code, n)));
    if (DNS_CODES.has(code)) return fail(`host not found (${code})`, false, at(RULES.hostNotFound, (n) => hostNotFoundMessage(a.host, code, n)));
    if (isTlsCode(code)) return fail(`TLS error (${code})`, false, at(RULES.tls, () => tlsMessage(code, a.hostPort, a.host)));
    if (TIMEOUT_CODES.has(code)) {
      return fail(`timed out (${code})`, true, at(RULES.timeout, (n) => urlTimeoutMessage(ctx.where, a.timeoutMs, n, phase, false)));
    }
    if (code === "BAD_PORT") return fail("blocked port", false, at(RULES.connectionRefused, () => badPortMessage(a.port)));
    if (UNREACHABLE_CODES.has(code)) return fail(`unreachable (${code})`, false, at(RULES.connectionRefused, () => unreachableMessage(a.hostPort, code)));
    if (code.startsWith("HPE_")) return fail(`not HTTP (${code})`, false, at(RULES.protocol, () => notHttpMessage(a.hostPort, code)));
    return fail(`connection failed (${code})`, false, at(RULES.connectionRefused, () => connectFailedMessage(a.hostPort, code)));
  }

  if (failing) {
    const status = failing.status;
    if (status === 401 || status === 403) {
      // The server is up. Without configured credentials the client would sign in (skipped: a warning); with them, they
      // were rejected and the client cannot connect (failed: an error). Credentials are headers whose name says so (not
      // User-Agent or Accept), and URL userinfo that was sent.
      const sent = a.headers.filter((h) => isCredentialHeader(h.name)).map((h) => h.name);
      if (a.basicAuth !== undefined) sent.push("user:password of the URL");
      return fail(
        `HTTP ${status}`,
        false,
        at(RULES.authRequired, () => authMessage(status, failing.wwwAuthenticate, sent, ctx), sent.length > 0 ? "error" : "warning"),
        sent.length > 0 ? "failed" : "skipped",
      );
    }
    if (status === 429) {
      const after = retryAfterMs(failing.retryAfter);
      return fail("rate limited (HTTP 429)", true, at(RULES.httpStatus, (n) => httpStatusMessage(status, failing.method, withAttempts(n))), "failed", {
        ...(after !== undefined ? { retryAfterMs: after } : {}),
      });
    }
    return fail(`HTTP ${status}`, RETRY_STATUS.has(status), at(RULES.httpStatus, (n) => httpStatusMessage(status, failing.method, withAttempts(n))));
  }

  const rpc = jsonRpcError(error);
  if (rpc) {
    return fail(`JSON-RPC error ${rpc.code}`, false, at(RULES.protocol, () => jsonRpcErrorMessage(phase, rpc.code, a.redactor.line(rpc.message, LINE_MAX))));
  }
  const version = unsupportedVersion(error);
  if (version !== undefined) return fail("unsupported protocol version", false, at(RULES.protocol, () => unsupportedVersionMessage(version)));
  const ok = lastOk(record);
  const contentType = ok?.contentType?.split(";")[0]?.trim().toLowerCase();
  if (ok && contentType && contentType !== "application/json" && contentType !== "text/event-stream") {
    return fail("not an MCP endpoint", false, at(RULES.protocol, () => contentTypeMessage(ctx.where, ok.contentType!)));
  }
  if (record.responses.length === 0) {
    // Nothing was sent: fetch or the SDK refused the request itself (an invalid header value …).
    const name = error instanceof Error ? error.name.replace(/[^A-Za-z]/g, "").slice(0, 40) || "Error" : "Error";
    return fail("request not sent", false, at(RULES.protocol, () => requestFailedMessage(ctx.where, name)));
  }
  return fail("invalid answer", false, at(RULES.protocol, () => invalidResultMessage(phase)));
}
