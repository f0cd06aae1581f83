import type { FetchLike } from "@modelcontextprotocol/sdk/shared/transport.js";

/**
 * What the HTTP side of one attempt saw, recorded by a fetch wrapper handed to the SDK transports
 * (their `fetch` option): every response's status and the headers the diagnosis needs, and the
 * network error code under fetch's "fetch failed" (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED …).
 * Only these facts are kept: never bodies, never request headers.
 */
export interface HttpResponseRecord {
  method: string;
  status: number;
  contentType?: string;
  wwwAuthenticate?: string;
  /** Retry-After of a 429 or 503. */
  retryAfter?: string;
}

export interface HttpRecord {
  responses: HttpResponseRecord[];
  /** Code of the last network error (ECONNREFUSED …, "BAD_PORT" for a port fetch refuses). */
  networkCode?: string;
}

/** The system error code under fetch's TypeError("fetch failed"), however deeply undici wraps it. */
export function networkErrorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof o.code === "string" && o.code !== "") return o.code;
    if (o.message === "bad port") return "BAD_PORT";
    if (Array.isArray(o.errors) && o.errors.length > 0) {
      const inner = networkErrorCode(o.errors[0]);
      if (inner) return inner;
    }
    e = o.cause;
  }
  return undefined;
}

/** A fetch that records responses and network errors into `record`, and is aborted with `signal`. */
export function recordingFetch(record: HttpRecord, signal: AbortSignal): FetchLike {
  return async (url, init) => {
    const merged = init?.signal ? AbortSignal.any([init.signal, signal]) : signal;
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: merged });
    } catch (error) {
      if (!signal.aborted) {
        const code = networkErrorCode(error);
        if (code) record.networkCode = code;
      }
      throw error;
    }
    const entry: HttpResponseRecord = { method: (init?.method ?? "GET").toUpperCase(), status: response.status };
    const contentType = response.headers.get("content-type");
    if (contentType) entry.contentType = contentType;
    const www = response.headers.get("www-authenticate");
    if (www) entry.wwwAuthenticate = www;
    const retryAfter = response.headers.get("retry-after");
    if (retryAfter) entry.retryAfter = retryAfter;
    record.responses.push(entry);
    return response;
  };
}

/**
 * The response that made the attempt fail: the last one, when it is not a success. For Streamable HTTP a
 * GET answered 405 only says "no standalone SSE stream" and is passed over.
 */
export function failingResponse(record: HttpRecord, transport: "http" | "sse"): HttpResponseRecord | undefined {
  for (let i = record.responses.length - 1; i >= 0; i--) {
    const r = record.responses[i]!;
    if (transport === "http" && r.method === "GET" && r.status === 405) continue;
    return r.status >= 200 && r.status < 300 ? undefined : r;
  }
  return undefined;
}

/** The last successful response (for "answered 200 but with a web page"). */
export function lastOk(record: HttpRecord): HttpResponseRecord | undefined {
  for (let i = record.responses.length - 1; i >= 0; i--) {
    const r = record.responses[i]!;
    if (r.status >= 200 && r.status < 300) return r;
  }
  return undefined;
}

export const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_SSL_PACKET_LENGTH_TOO_LONG",
  "EPROTO",
]);

export function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith("CERT_") || code.startsWith("ERR_TLS_") || code.startsWith("ERR_SSL_");
}

/** Parsed enough of WWW-Authenticate to say what is expected; no parameter value is ever kept. */
export function authChallenge(header: string | undefined): { scheme?: string; oauth: boolean } {
  if (!header) return { oauth: false };
  const scheme = /^\s*([A-Za-z][A-Za-z0-9_-]*)/.exec(header)?.[1];
  const oauth = /\bresource_metadata\s*=/i.test(header) || /\b(authorization_uri|as_uri)\s*=/i.test(header);
  return { ...(scheme ? { scheme } : {}), oauth };
}
