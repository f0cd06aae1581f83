import type { Dialect } from "@mcp-lint/core";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { failingResponse, isTlsCode, lastOk, recordingFetch, type HttpRecord } from "./http.js";
import {
  RULES,
  authMessage,
  badPortMessage,
  closedMessage,
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
import type { Redactor } from "./redact.js";
import { handshake, jsonRpcError, newClient, unsupportedVersion, withDeadline, type AttemptResult, type Diagnosis } from "./session.js";

export interface UrlAttempt {
  url: URL;
  transport: "http" | "sse";
  headers: Array<{ name: string; value: string }>;
  /** The user:password of the URL was sent as an Authorization: Basic header. */
  urlCredentials?: boolean;
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
const RETRY_STATUS = new Set([502, 503, 504]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const RESET_CODES = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "ECONNABORTED"]);
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"]);
const UNREACHABLE_CODES = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL"]);

/** One connection to a URL server: Streamable HTTP (or SSE where the config says so), initialize, list, close. */
export async function attemptUrl(a: UrlAttempt): Promise<AttemptResult> {
  const record: HttpRecord = { responses: [] };
  const phase = { name: "initialize" };
  const protocol: { version?: string } = {};
  let transport: Transport | undefined;
  const client = newClient();
  const run = await withDeadline(
    async (signal) => {
      const fetch = recordingFetch(record, signal);
      const requestInit: RequestInit = { headers: a.headers.map((h): [string, string] => [h.name, h.value]) };
      const t =
        a.transport === "sse"
          ? new SSEClientTransport(a.url, { requestInit, fetch })
          : new StreamableHTTPClientTransport(a.url, { requestInit, fetch });
      transport = t;
      const facts = await handshake(client, t, signal, a.timeoutMs, phase, protocol);
      // Be polite: end the Streamable HTTP session (servers may answer 405 when they keep none).
      if (t instanceof StreamableHTTPClientTransport) await t.terminateSession().catch(() => undefined);
      return facts;
    },
    a.timeoutMs,
    a.signal,
  );
  await client.close().catch(() => undefined);
  await (transport as Transport | undefined)?.close().catch(() => undefined);

  if (run.aborted) return { outcome: "aborted", retryable: false, reason: "aborted", extra: [] };
  if (run.value) return { outcome: "ok", retryable: false, reason: "ok", extra: [], facts: run.value };
  return classify(a, record, run.error, run.timedOut, phase.name);
}

function classify(a: UrlAttempt, record: HttpRecord, error: unknown, timedOut: boolean, phase: string): AttemptResult {
  const at = (ruleId: string, message: (attempts: number) => string, severity: Diagnosis["severity"] = "error") => (attempts: number): Diagnosis => ({
    ruleId,
    severity,
    message: message(attempts),
    pointer: a.urlPointer,
    part: "value",
  });
  const fail = (reason: string, retryable: boolean, diagnose: (attempts: number) => Diagnosis, outcome: "failed" | "skipped" = "failed"): AttemptResult => ({
    outcome,
    retryable,
    reason,
    diagnose,
    extra: [],
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
    if (RESET_CODES.has(code)) return fail("connection reset", true, at(RULES.connectionRefused, (n) => resetMessage(a.hostPort, n)));
    if (DNS_CODES.has(code)) return fail(`host not found (${code})`, false, at(RULES.hostNotFound, () => hostNotFoundMessage(a.host, code)));
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
      // The server is up: a warning. Without configured credentials the client would sign in (skipped); with them, they were rejected.
      const sent = a.headers.filter((h) => !(a.urlCredentials && h.name === "Authorization" && h.value.startsWith("Basic "))).map((h) => h.name);
      if (a.urlCredentials) sent.push("user:password of the URL");
      return fail(
        `HTTP ${status}`,
        false,
        at(RULES.authRequired, () => authMessage(status, failing.wwwAuthenticate, sent, ctx), "warning"),
        sent.length > 0 ? "failed" : "skipped",
      );
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
  if (code) return fail(`connection closed (${code})`, false, at(RULES.protocol, () => closedMessage(ctx.where, phase)));
  if (record.responses.length === 0) {
    // Nothing was sent: fetch or the SDK refused the request itself (an invalid header value …).
    const name = error instanceof Error ? error.name.replace(/[^A-Za-z]/g, "").slice(0, 40) || "Error" : "Error";
    return fail("request not sent", false, at(RULES.protocol, () => requestFailedMessage(ctx.where, name)));
  }
  return fail("invalid answer", false, at(RULES.protocol, () => invalidResultMessage(phase)));
}
