import { NON_MCP_PORTS, type Dialect } from "@mcp-lint/core";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import type { ChildExit } from "./child.js";
import { authChallenge } from "./http.js";
import { displayValue } from "./redact.js";
import type { Unresolved } from "./variables.js";

/**
 * Finding messages: what happened, then what to do (actionlint style). Every value shown comes from
 * the config (never an env or header value), goes through displayValue, or is server text already
 * redacted by the caller.
 */

export const RULES = {
  unresolvedVariable: "probe-unresolved-variable",
  commandNotFound: "probe-command-not-found",
  cwdNotFound: "probe-cwd-not-found",
  exited: "probe-exited",
  stdoutNoise: "probe-stdout-noise",
  connectionRefused: "probe-connection-refused",
  hostNotFound: "probe-host-not-found",
  unsupportedScheme: "probe-unsupported-scheme",
  httpStatus: "probe-http-status",
  authRequired: "probe-auth-required",
  tls: "probe-tls",
  timeout: "probe-timeout",
  protocol: "probe-protocol",
  toolSurfaceChanged: "tool-surface-changed",
  duplicateToolName: "duplicate-tool-name",
  lockInvalid: "probe-lock-invalid",
  servedPromptInjection: "served-prompt-injection",
} as const;

/** "10 s", "0.8 s", "1.25 s". */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(2))} s`;
}

/** A delay in seconds with two decimals, rounded half up ("0.61"). */
export function delaySeconds(ms: number): string {
  return (Math.round(ms / 10) / 100).toFixed(2);
}

/** Appended to the diagnosis of a server still down when a wait (--wait, waitMs) ran out. */
export function waitOverMessage(waitMs: number): string {
  return `It was still not up when the wait of ${seconds(waitMs)} ended.`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function attemptsText(attempts: number): string {
  return attempts > 1 ? ` (${plural(attempts, "attempt")})` : "";
}

/** "Port 5432 is PostgreSQL's, not an MCP server's." when the port belongs to a well-known service. */
function serviceNote(port: number | undefined): string {
  const service = port !== undefined ? NON_MCP_PORTS.get(port) : undefined;
  return service ? ` Port ${port} is ${service}'s; nothing there speaks MCP.` : "";
}

/** How to select a transport in this client: `"type": "sse"`, or a description when the client has no type key. */
export function typeHint(dialect: Dialect, transport: "http" | "sse"): string {
  const key = dialect.keys.type;
  const value = dialect.canonicalType?.[transport] ?? Object.keys(dialect.types).find((t) => dialect.types[t] === transport);
  if (key && value) return `"${key}": "${value}"`;
  return transport === "sse" ? "the SSE transport" : "the Streamable HTTP transport";
}

export function unresolvedMessage(u: Unresolved, dialect: Dialect): string {
  const shown = displayValue(u.placeholder.text, "This placeholder", 60);
  switch (u.kind) {
    case "unset":
      return `${shown} has no value: the environment variable ${u.name} is not set, so the server would not get a usable value and was not started. Set ${u.name} in the environment ${dialect.client} is started from, then probe again.`;
    case "file":
      return `${shown} has no value: the file cannot be read (${u.code}), so the server was not started. Create the file or fix its path (a relative path is resolved against the config file's folder).`;
    case "interactive": {
      const envSyntax = dialect.variables.env ? ` such as ${dialect.variables.env("NAME")}` : "";
      const asks = /^\$\{input:/.test(u.placeholder.text)
        ? `${dialect.client} asks the user for ${shown} when it starts the server`
        : `${dialect.client} fills in ${shown} itself (from a prompt, its secret store or editor state)`;
      return `${asks}; the probe cannot, so this server was skipped. To probe it, pass the value through an environment variable${envSyntax} instead.`;
    }
  }
}

export function commandNotFoundMessage(command: string, code: string, pathDirs: number, commandKey: string): string {
  const shown = displayValue(command, "The command");
  const isPath = /[\\/]/.test(command);
  if (code === "EACCES") {
    return `${shown} cannot be executed (permission denied), so the server cannot start. Make it executable (chmod +x), or run it through its interpreter ("node", "python" …).`;
  }
  if (code === "ENOENT") {
    // commandKey "": the command came from the command line (probe -- cmd), not from a config key.
    if (isPath) return `${shown} does not exist, so the server cannot start. ${commandKey ? `Fix the path in "${commandKey}"` : "Fix the path"}, or install the program there.`;
    const fix = commandKey ? `set "${commandKey}" to its absolute path` : "give its absolute path";
    return `${shown} was not found on PATH (${plural(pathDirs, "folder")} searched), so the server cannot start. Install it, or ${fix}: clients started from a desktop often have a shorter PATH than your shell.`;
  }
  return `${shown} could not be started (${code}). Check the command and its arguments.`;
}

/** The `#!` line of a command file names an interpreter that cannot be run. */
export interface MissingInterpreter {
  /** The interpreter path of the `#!` line ("" when the line names none). */
  interpreter: string;
  /** For `#!/usr/bin/env NAME`: the program env looks for on PATH. */
  program?: string;
  /** The line ends in a carriage return (Windows line endings). */
  crlf: boolean;
}

export function interpreterNotFoundMessage(command: string, m: MissingInterpreter): string {
  const shown = displayValue(command, "The command");
  const fix = `Install it or fix the #! line, or start the script through an interpreter that exists (the interpreter as the command, the script in the arguments).`;
  if (m.crlf) {
    return `${shown} exists, but its #! line ends in a carriage return (Windows line endings), so the interpreter named there (${displayValue(m.interpreter, "a path", 120)} followed by a carriage return) was not found and the server cannot start. Convert the script to Unix line endings (LF).`;
  }
  if (m.interpreter === "") return `${shown} exists, but its #! line names no interpreter, so the server cannot start. ${fix}`;
  if (m.program !== undefined) {
    return `${shown} exists, but the interpreter named in its #! line (${displayValue(m.program, "a program", 60)}, looked up on PATH by ${displayValue(m.interpreter, "env", 60)}) was not found, so the server cannot start. ${fix}`;
  }
  return `${shown} exists, but the interpreter named in its #! line (${displayValue(m.interpreter, "a path", 120)}) was not found, so the server cannot start. ${fix}`;
}

/**
 * `written`: the cwd as configured (undefined when the client's default was used); `resolved`: the folder
 * it names, shown only when no environment variable went into it.
 */
export function cwdNotFoundMessage(written: string | undefined, resolved: string, cwdKey: string | undefined): string {
  const predefinedOnly = written === undefined || !/\$|\{env:|\{file:/.test(written.replace(/\$\{(workspaceFolder(:[^}]+)?|workspaceFolderBasename|userHome|pathSeparator|\/)\}/g, ""));
  let shown = written !== undefined ? displayValue(written, "", 120) : "";
  if (predefinedOnly && resolved !== written) {
    const path = displayValue(resolved, "", 160);
    if (path) shown = shown ? `${shown} (${path})` : path;
  }
  const fix = written !== undefined && cwdKey ? `Create it, or fix "${cwdKey}".` : "Create it.";
  return `The working directory ${shown ? `${shown} ` : ""}does not exist, so the server cannot start. ${fix}`;
}

function stderrText(lines: string[]): string {
  if (lines.length === 0) return " It wrote nothing to stderr.";
  return ` Last lines of its stderr: ${lines.map((l) => JSON.stringify(l)).join(", ")}.`;
}

export function exitedMessage(exit: ChildExit, phase: string, stderr: string[]): string {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const advice =
    exit.code === 0 && !exit.signal
      ? ` A stdio server must keep running and read JSON-RPC from stdin: check that this command starts the MCP server (some need an argument such as "stdio").`
      : " Run the command in a terminal to see the whole error, fix it, then probe again.";
  return `The server ${how} before answering ${phase}.${stderrText(stderr)}${advice}`;
}

export function noiseMessage(first: string, count: number): string {
  const what = count === 1 ? "a line that is not JSON-RPC" : `${count} lines that are not JSON-RPC`;
  return `The server wrote ${what} to stdout (first: ${JSON.stringify(first)}). On stdio, stdout carries only MCP messages: clients fail to parse anything else and may drop the server. Log to stderr instead (console.error in Node.js, print(..., file=sys.stderr) in Python).`;
}

export function stdioTimeoutMessage(timeoutMs: number, phase: string, stderr: string[]): string {
  const tail = stderr.length > 0 ? stderrText(stderr) : "";
  return `The server did not answer ${phase} within ${seconds(timeoutMs)}; the process was stopped.${tail} A first start that downloads a package (npx, uvx) can take longer: raise --timeout. Otherwise check that the command starts an MCP server on stdio (some need an argument such as "stdio").`;
}

export function urlTimeoutMessage(where: string, timeoutMs: number, attempts: number, phase: string, answered: boolean): string {
  if (!answered) {
    return `No answer from ${where} within ${seconds(timeoutMs)}${attemptsText(attempts)}: the connection or the request hangs. Check that the server is running and that no firewall or proxy drops the traffic; raise --timeout for a slow server.`;
  }
  return `${where} did not answer ${phase} within ${seconds(timeoutMs)}${attemptsText(attempts)}. The server accepts requests but does not finish them: check its logs; raise --timeout for a slow server.`;
}

export function refusedMessage(hostPort: string, port: number | undefined, attempts: number, client: string): string {
  return `Connection to ${hostPort} refused${attemptsText(attempts)}: nothing listens there.${serviceNote(port)} Start the server first (${client} does not start URL servers), or fix the port: the config may point at the wrong one.`;
}

export function resetMessage(hostPort: string, attempts: number): string {
  return `The connection to ${hostPort} was closed before any HTTP answer${attemptsText(attempts)}: something listens there but does not speak HTTP, or it expects https://. Check the port and the scheme.`;
}

export function badPortMessage(port: number | undefined): string {
  const service = port !== undefined ? NON_MCP_PORTS.get(port) : undefined;
  return `Port ${port ?? "?"}${service ? ` (${service})` : ""} is on the fetch standard's list of blocked ports, so Node.js- and browser-based clients refuse to connect to it. Serve MCP on another port and fix the URL.`;
}

export function unreachableMessage(hostPort: string, code: string): string {
  return `${hostPort} cannot be reached (${code}): there is no route to that host. Check the host in the URL, the network and any VPN.`;
}

export function connectFailedMessage(hostPort: string, code: string): string {
  return `Connecting to ${hostPort} failed (${code}). Check the host and port in the URL and that the server is running.`;
}

export function hostNotFoundMessage(host: string, code: string, attempts = 1): string {
  if (code === "EAI_AGAIN") {
    const tries = attempts > 1 ? `, ${plural(attempts, "attempt")}` : "";
    return `The DNS lookup of ${host} failed temporarily (EAI_AGAIN${tries}). Check the network connection and the DNS server, then probe again.`;
  }
  return `The host ${host} cannot be resolved (${code}): no such name in DNS. Check its spelling in the URL, your DNS and any VPN.`;
}

export function badSchemeMessage(scheme: string, port: number | undefined): string {
  return `${scheme}:// is not an MCP transport: MCP has only stdio, Streamable HTTP and SSE (both over http:// or https://), so the probe did not try to connect.${serviceNote(port)} Point the URL at the server's Streamable HTTP endpoint (http(s)://host:port/mcp), or use command/args to start a local server.`;
}

export function hostPortMessage(hostPort: string, port: number | undefined): string {
  return `${hostPort} is a bare host:port, not a URL, and MCP has no TCP transport, so the probe did not try to connect.${serviceNote(port)} If the server speaks Streamable HTTP, write http://${hostPort}/mcp (or its real path); for a local process use command/args.`;
}

export function noSchemeMessage(hostPort: string): string {
  return `This URL (${hostPort}…) has no scheme, so the probe did not try to connect. Add http:// or https:// in front.`;
}

export function socketMessage(scheme: string, client: string): string {
  const what = scheme === "pipe" ? "a named pipe" : "a Unix socket";
  return `The probe cannot reach HTTP over ${what} (${scheme}:), so it did not try. ${client} can: check this server from ${client}.`;
}

const STATUS_TEXT: Record<number, string> = {
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  415: "Unsupported Media Type",
  421: "Misdirected Request",
  426: "Upgrade Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function statusText(status: number): string {
  const text = STATUS_TEXT[status];
  return text ? `${status} ${text}` : String(status);
}

export interface HttpContext {
  /** "POST http://127.0.0.1:3000/sse": method and displayable URL. */
  where: string;
  transport: "http" | "sse";
  /** The path as configured (undefined when it must not be shown or holds a placeholder). */
  path?: string;
  origin: string;
  dialect: Dialect;
  attempts: number;
}

function pathAdvice(ctx: HttpContext): string {
  const path = (ctx.path ?? "").replace(/\/+$/, "");
  if (ctx.transport === "http") {
    if (/\/sse$/i.test(path)) {
      return `/sse is where legacy SSE servers listen; Streamable HTTP servers usually serve /mcp. Change the path to /mcp (${ctx.origin}/mcp), or, if the server only speaks SSE, set ${typeHint(ctx.dialect, "sse")}.`;
    }
    if (!/\/mcp$/i.test(path)) return `Streamable HTTP servers usually serve /mcp: check the path (for example ${ctx.origin}/mcp).`;
    return "Check the endpoint in the server's documentation, and that the server really serves MCP there.";
  }
  if (/\/mcp$/i.test(path)) {
    return `/mcp is where Streamable HTTP servers listen; SSE servers usually serve /sse. Change the path to /sse, or, if the server speaks Streamable HTTP, set ${typeHint(ctx.dialect, "http")}.`;
  }
  if (!/\/sse$/i.test(path)) return `SSE servers usually serve /sse: check the path (for example ${ctx.origin}/sse).`;
  return "Check the endpoint in the server's documentation, and that the server really serves SSE there.";
}

export function httpStatusMessage(status: number, method: string, ctx: HttpContext): string {
  const answered = `${ctx.where} answered ${statusText(status)}`;
  if (status === 404) return `${answered}${attemptsText(ctx.attempts)}: nothing serves MCP at this path. ${pathAdvice(ctx)}`;
  if (status === 405) {
    if (ctx.transport === "http" && method === "POST") {
      return `${answered}: this endpoint does not take Streamable HTTP messages. If it is a legacy SSE endpoint (GET only), set ${typeHint(ctx.dialect, "sse")}; otherwise use the server's Streamable HTTP endpoint (usually /mcp).`;
    }
    return `${answered}: this endpoint does not serve an SSE stream. If the server speaks Streamable HTTP, set ${typeHint(ctx.dialect, "http")} and use its endpoint (usually /mcp).`;
  }
  if (status === 429) {
    return `${answered}${attemptsText(ctx.attempts)}: the server is up but rate limited this client (too many requests). Wait, then probe again; if it persists, check the server's rate limits or the credentials' quota.`;
  }
  if (status === 502 || status === 504) {
    return `${answered}${attemptsText(ctx.attempts)}: a proxy or gateway answers, but the server behind it does not. Check that the server is running and healthy (its logs), then probe again.`;
  }
  if (status === 503) {
    return `${answered}${attemptsText(ctx.attempts)}: the server is up but not ready (starting, overloaded or in maintenance). Check its logs, then probe again.`;
  }
  if (status >= 300 && status < 400) {
    return `${answered}: a redirect that MCP clients do not follow (to another origin, or one that changes the method). Put the final URL in the config.`;
  }
  if (status >= 500) return `${answered}: the server failed while handling initialize. Check its logs.`;
  return `${answered}: the server rejected the initialize request. Check that the URL is the server's MCP endpoint, and the server's logs.`;
}

export function authMessage(status: number, wwwAuthenticate: string | undefined, sentHeaders: string[], ctx: HttpContext): string {
  const challenge = authChallenge(wwwAuthenticate);
  const headersKey = ctx.dialect.keys.headers;
  let text: string;
  if (status === 403) {
    text = `${ctx.where} answered ${statusText(403)}: the server is up but refuses this client (the credentials lack a permission or scope, or it blocks by origin or address).`;
  } else {
    text = `${ctx.where} answered ${statusText(401)}: the server is up and wants credentials.`;
    if (challenge.oauth) {
      text += ` It uses OAuth (its WWW-Authenticate header points at authorization metadata): the client signs in on first connect; the probe cannot sign in, so it stopped here.`;
    } else if (challenge.scheme) {
      text += ` Its WWW-Authenticate header asks for an "Authorization: ${challenge.scheme.slice(0, 20)} …" header.`;
    } else {
      text += " It sent no WWW-Authenticate header saying how: usually an Authorization: Bearer token or an API-key header.";
    }
  }
  if (sentHeaders.length > 0) {
    const names = sentHeaders.map((n) => (n === "user:password of the URL" ? n : displayValue(n, "a header", 40))).join(", ");
    text += ` The configured credentials (${names}) did not satisfy it: check them and the variables they come from.`;
  } else if (!challenge.oauth && headersKey) {
    text += ` Add the credential under "${headersKey}", taking the value from an environment variable rather than writing it in the file.`;
  }
  return text;
}

export function tlsMessage(code: string, hostPort: string, host: string): string {
  switch (code) {
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return `The TLS certificate of ${hostPort} is self-signed (${code}), so clients refuse the connection. Use a certificate from a trusted CA, or trust your own CA where the client runs (NODE_EXTRA_CA_CERTS for Node.js-based clients).`;
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "UNABLE_TO_GET_ISSUER_CERT":
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
      return `The TLS certificate of ${hostPort} cannot be verified (${code}): the server does not send its intermediate certificates, or its CA is not trusted here. Serve the full certificate chain, or trust the CA (NODE_EXTRA_CA_CERTS).`;
    case "CERT_HAS_EXPIRED":
      return `The TLS certificate of ${hostPort} has expired (${code}). Renew it.`;
    case "CERT_NOT_YET_VALID":
      return `The TLS certificate of ${hostPort} is not valid yet (${code}). Check the clocks of both machines.`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `The TLS certificate of ${hostPort} is not issued for ${host} (${code}). Use the host name the certificate names, or get a certificate for this one.`;
    case "ERR_SSL_WRONG_VERSION_NUMBER":
    case "ERR_SSL_PACKET_LENGTH_TOO_LONG":
    case "EPROTO":
      return `The TLS handshake with ${hostPort} failed (${code}): the server probably speaks plain HTTP on that port. Use http:// (fine on loopback), or enable TLS on the server.`;
    default:
      return `The TLS connection to ${hostPort} failed (${code}). Check the server's certificate and TLS setup.`;
  }
}

export function jsonRpcErrorMessage(phase: string, code: number, message: string): string {
  return `The server answered ${phase} with a JSON-RPC error (${code}: ${JSON.stringify(message)}). It runs, but refused the request: check its logs, and that it supports MCP protocol version ${LATEST_PROTOCOL_VERSION} or an earlier one the SDK client accepts.`;
}

export function unsupportedVersionMessage(version: string): string {
  return `The server answered initialize with protocol version ${displayValue(version, "(unreadable)", 40)}, which the MCP SDK client does not support. Update the server or its MCP SDK.`;
}

export function invalidResultMessage(phase: string): string {
  return `The server answered ${phase}, but not with a valid MCP result. Check that this is an MCP server and that its MCP SDK is current.`;
}

export function contentTypeMessage(where: string, contentType: string): string {
  const shown = displayValue(contentType.split(";")[0]!.trim(), "an unexpected content type", 60);
  return `${where} answered with ${shown} instead of JSON or an event stream: this URL is not an MCP endpoint (a web page or another API?). Use the server's MCP endpoint (usually /mcp).`;
}

export function notHttpMessage(hostPort: string, code: string): string {
  return `${hostPort} answered, but not with HTTP (${code}): another kind of service listens there. Fix the port, or the scheme (https:// for a TLS port).`;
}

export function requestFailedMessage(where: string, errorName: string): string {
  return `The probe could not send the request to ${where} (${errorName}). Check the URL and the header names and values in the config.`;
}
