import { setMaxListeners } from "node:events";
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, isAbsolute, resolve } from "node:path";
import {
  readRegularFile,
  analyseUrl,
  collectServers,
  compareFindings,
  detectDialect,
  discoverFiles,
  fingerprint,
  hostPortText,
  internalError,
  isCodeFile,
  origin,
  parseDocument,
  configLookupFor,
  resolveFileSettings,
  settleFindings,
  UsageError,
  type ConfigLookup,
  type Dialect,
  type Finding,
  type LintFileResult,
  valueSubrange,
  displayPath,
  type ServerEntry,
  type UrlParts,
} from "@mcp-lint/core";
import {
  RULES,
  badSchemeMessage,
  cwdNotFoundMessage,
  delaySeconds,
  hostPortMessage,
  noSchemeMessage,
  socketMessage,
  unresolvedMessage,
  seconds,
  waitOverMessage,
} from "./messages.js";
import { argSecrets, displayCommand, safeDecode, urlSecrets } from "./args.js";
import { MIN_SECRET_LENGTH, Redactor, displayValue, isSecretSetting, secretValues, stripControl } from "./redact.js";
import { attemptUrl } from "./remote.js";
import { targetSource } from "./target.js";
import type { AttemptResult, Diagnosis } from "./session.js";
import { attemptStdio } from "./stdio.js";
import type { ProbeOptions, ProbeProgress, ProbeRun, ProbeTarget, ProbeTransport, ServerProbe, WaitOptions } from "./types.js";
import { surfaceChecks, type SurfaceServer } from "./surface.js";
import { surfaceOf } from "./lock.js";
import { servedTextDiagnoses } from "./served.js";
import { projectDirOf, resolveEntry, type ResolvedEntry, type Unresolved } from "./variables.js";

const DEFAULTS = { retries: 3, timeoutMs: 10_000, backoffMs: 500, concurrency: 4 };
/** Longest backoff delay before the jitter. */
export const MAX_BACKOFF_MS = 10_000;
/** In wait mode, the shortest attempt (the one that starts just before the deadline). */
export const MIN_ATTEMPT_MS = 1000;

interface Settings {
  cwd: string;
  configPath?: string;
  noConfigLookup?: boolean;
  env: NodeJS.ProcessEnv;
  retries: number;
  timeoutMs: number;
  backoffMs: number;
  concurrency: number;
  random: () => number;
  log: (line: string) => void;
  progress: (event: ProbeProgress) => void;
  signal?: AbortSignal;
  /** Wait mode: the time (performance.now()) after which no retry starts. */
  deadline?: number;
  waitMs?: number;
}

interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where servers come from: a config file, or the probe's own command line (probeTarget). */
export interface ConfigFile {
  file: string;
  /** Project folder (`${workspaceFolder}`, the default cwd of stdio servers). */
  projectDir: string;
  /** Folder relative `{file:…}` paths start from. */
  configDir: string;
  text: string;
  dialect: Dialect;
  servers: ServerEntry[];
  /** Where a diagnosis points in `text`. */
  locate: (d: Diagnosis) => SourceRange;
  /** Offsets of [start, end) inside the string value at `pointer` (a placeholder), when they can be told. */
  subrange: (pointer: string, start: number, end: number) => [number, number] | undefined;
  /**
   * The file's mcp-lint.config.json settings and inline directives applied to its findings (settleFindings); none
   * for a target given on the command line, which no config applies to.
   */
  settle?: (findings: Finding[]) => Finding[];
}

interface ServerOutcome {
  probe: ServerProbe;
  findings: Finding[];
  /** What the server's list calls returned (status "ok" only). */
  listed?: NonNullable<AttemptResult["facts"]>["listed"];
}

function count(name: string, value: number | undefined, fallback: number, min: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < min || (integer && !Number.isInteger(value)) || !Number.isFinite(value)) {
    throw new UsageError(`${name} must be ${integer ? "an integer" : "a number"} of at least ${min}; got ${String(value)}.`);
  }
  return value;
}

function settingsOf(options: ProbeOptions): Settings {
  return {
    cwd: resolve(options.cwd ?? process.cwd()),
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
    ...(options.noConfigLookup ? { noConfigLookup: true } : {}),
    env: options.env ?? process.env,
    retries: count("retries", options.retries, DEFAULTS.retries, 0, true),
    timeoutMs: count("timeoutMs", options.timeoutMs, DEFAULTS.timeoutMs, 1, false),
    backoffMs: count("backoffMs", options.backoffMs, DEFAULTS.backoffMs, 0, false),
    concurrency: count("concurrency", options.concurrency, DEFAULTS.concurrency, 1, true),
    ...(options.waitMs !== undefined ? { waitMs: count("waitMs", options.waitMs, 0, 1, false) } : {}),
    random: options.random ?? Math.random,
    log: options.log ?? (() => undefined),
    progress: options.onProgress ?? (() => undefined),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** Delay before retry k (1-based): d = min(backoffMs · 2^(k-1), 10 s), with equal jitter d/2 + random·d/2. */
export function backoffDelay(retry: number, backoffMs: number, random: () => number): number {
  const d = Math.min(backoffMs * 2 ** (retry - 1), MAX_BACKOFF_MS);
  return d / 2 + random() * (d / 2);
}

/** The mcp-lint config that applies, exactly as for lint: its ignores exclude files, its rules set the findings' severities. */
function lookupOf(s: Settings): ConfigLookup {
  return configLookupFor({ cwd: s.cwd, ...(s.configPath !== undefined ? { configPath: s.configPath } : {}), ...(s.noConfigLookup ? { noConfigLookup: true } : {}) });
}

/** The MCP config files under `paths` and their servers (parse errors and non-MCP files are skipped quietly). */
async function configFiles(paths: string[], s: Settings, lookup: ConfigLookup): Promise<ConfigFile[]> {
  const cwd = s.cwd;
  const found = await discoverFiles(paths, { cwd, lookup });
  const out: ConfigFile[] = [];
  for (const f of found) {
    const settings = resolveFileSettings(lookup.forFile(f.path), f.path);
    if (settings.ignored) continue;
    const hint = settings.dialect ?? f.pathDialect;
    if (!hint && isCodeFile(f.path)) continue;
    let text: string;
    try {
      text = readRegularFile(f.path, cwd); // a regular file under the size cap, as the static lint reads it
    } catch {
      continue; // the static lint reports unreadable files
    }
    const file = displayPath(cwd, f.path);
    const { dialect, document } = detectDialect(file, text, hint);
    if (!dialect) continue;
    const doc = document ?? parseDocument(file, text, dialect.format);
    if (doc.errors.length > 0) continue;
    out.push({
      file,
      projectDir: projectDirOf(f.path),
      configDir: dirname(f.path),
      text,
      dialect,
      servers: collectServers(doc, dialect),
      locate: (d) => (d.range ? doc.rangeOfOffsets(d.range) : doc.locate(d.pointer, d.part ?? "value")),
      subrange: (pointer, start, end) => valueSubrange(doc, pointer, start, end),
      settle: (findings) => settleFindings(findings, settings, doc),
    });
  }
  return out;
}

function toFinding(cf: ConfigFile, d: Diagnosis & { fingerprintKey?: string }): Finding {
  const loc = cf.locate(d);
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    file: cf.file,
    pointer: d.pointer,
    // Several findings at one entry (one per served signal) are told apart by their key.
    fingerprint: fingerprint(d.ruleId, cf.file, d.fingerprintKey === undefined ? d.pointer : `${d.pointer}\0${d.fingerprintKey}`),
    line: loc.line,
    column: loc.column,
    endLine: loc.endLine,
    endColumn: loc.endColumn,
  };
}

function transportOf(entry: ServerEntry): ProbeTransport {
  if (entry.kind === "stdio") return "stdio";
  if (entry.kind === "url") return entry.transport ?? "unknown";
  return "unknown";
}

/** Display form of a URL entry: origin only (scheme, host, port), never userinfo, path or query. */
function targetOf(entry: ServerEntry, resolved?: string): string {
  const raw = typeof entry.url?.value === "string" ? entry.url.value : undefined;
  for (const value of [resolved, raw]) {
    if (value === undefined) continue;
    const shape = analyseUrl(value);
    if (shape.kind === "url") return origin(shape.parts);
    if (shape.kind === "host-port" || shape.kind === "no-scheme") return hostPortText(shape.host, shape.port);
  }
  return "(no usable URL)";
}

/** The path of the URL as configured, when it holds no placeholder and nothing secret-looking. */
function displayablePath(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const shape = analyseUrl(raw);
  if (shape.kind !== "url") return undefined;
  const path = shape.parts.path;
  if (path === "" || path.length > 60 || /[$\s{}"\\]/.test(path) || displayValue(path, "") === "") return undefined;
  return path;
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolveSleep) => {
    if (signal?.aborted) return resolveSleep(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolveSleep(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolveSleep(false);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Where the client starts stdio servers: the entry's cwd, else the dialect's (project folder or home). */
function workingDirectory(resolved: ResolvedEntry, cf: ConfigFile, projectDir: string): string {
  if (resolved.cwd !== undefined && resolved.cwd !== "") return isAbsolute(resolved.cwd) ? resolved.cwd : resolve(projectDir, resolved.cwd);
  return cf.dialect.cwd === "home" ? homedir() : projectDir;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function childEnv(base: NodeJS.ProcessEnv, resolved: ResolvedEntry): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const e of resolved.env) {
    if (e.value === null) delete env[e.name];
    else env[e.name] = e.value;
  }
  return env;
}

function pathDirCount(env: NodeJS.ProcessEnv): number {
  const key = Object.keys(env).find((k) => k.toUpperCase() === "PATH");
  const value = key ? env[key] : undefined;
  return value ? value.split(delimiter).filter((d) => d !== "").length : 0;
}

/**
 * The values to replace in anything the server says (`credentialsOnly` false): secret-looking values of the inherited
 * environment (by the broad name test or by shape), every value the entry's own env sets (6+ characters, whatever its
 * name: the config provides it), header values (and the token of `Bearer <token>`), and the secrets in the arguments
 * (argSecrets).
 *
 * With `credentialsOnly`, the values the lock must never hold should the server echo them in a name, a description or
 * a schema: the same, but only env and header values that are secret-named or credential-shaped. Ordinary settings a
 * server repeats (a mode, a folder) stay as the server wrote them. (URL userinfo and query values are added to both
 * by the caller.)
 */
function redactorFor(resolved: ResolvedEntry, shared: ServerSecrets, credentialsOnly = false): Redactor {
  const secrets = [...shared.env];
  const keep = (name: string, value: string) => (credentialsOnly ? isSecretSetting(name, value) : value.length >= MIN_SECRET_LENGTH);
  for (const e of resolved.env) if (e.value !== null && keep(e.name, e.value)) secrets.push(e.value);
  for (const h of resolved.headers) {
    if (credentialsOnly && !isSecretSetting(h.name, h.value)) continue;
    secrets.push(h.value);
    // "Bearer <token>": the token alone may be echoed too.
    const token = /^\s*\S+\s+(\S{6,})\s*$/.exec(h.value)?.[1];
    if (token) secrets.push(token);
  }
  secrets.push(...shared.args);
  return new Redactor(secrets);
}

/** What both redactors of a server start from: the inherited environment's secrets and the arguments' secrets. */
interface ServerSecrets {
  env: readonly string[];
  args: readonly string[];
}

async function probeServer(cf: ConfigFile, entry: ServerEntry, s: Settings): Promise<ServerOutcome> {
  const started = performance.now();
  const transport = transportOf(entry);
  const ids = { file: cf.file, name: entry.name };
  // Names and paths come from the config: one line each in logs and progress output.
  const label = stripControl(`${cf.file}: ${entry.name}`);
  const base = { ...ids, pointer: entry.pointer, transport };
  const projectDir = cf.projectDir;
  const resolved = resolveEntry(entry, { dialect: cf.dialect, env: s.env, projectDir, configDir: cf.configDir, home: homedir() });
  const target = entry.kind === "url" ? targetOf(entry, resolved.url) : entry.kind === "stdio" ? displayCommand(entry.command?.value, entry.args.map((a) => a.value)) : "-";
  s.progress({ type: "start", ...ids, transport, target });

  // A server that answered: `redactor` for the served-text messages, `lockRedactor` for its surface (credentials only).
  const finish = (status: ServerProbe["status"], attempts: number, diagnoses: Diagnosis[], primary?: Diagnosis, result?: AttemptResult, redactor?: Redactor, lockRedactor?: Redactor): ServerOutcome => {
    const findings = diagnoses.map((d) => toFinding(cf, d));
    const probe: ServerProbe = { ...base, target, status, attempts, durationMs: Math.round(performance.now() - started) };
    if (result?.facts?.server) probe.server = result.facts.server;
    if (result?.facts && status === "ok") probe.counts = result.facts.counts;
    const main = primary ? findings[diagnoses.indexOf(primary)] : findings[0];
    if (main) probe.finding = main;
    if (result?.facts?.listed && status === "ok") {
      // The lock never stores a secret the probe gave the server (a description that echoes one is redacted).
      const keep = lockRedactor;
      probe.surface = surfaceOf(result.facts.listed, keep ? (text) => keep.redactValues(text) : undefined);
      // What the server really returns, scanned for tool poisoning (not the table's "finding": the server is up).
      if (redactor) findings.push(...servedTextDiagnoses(result.facts.listed, entry.name, entry.pointer, redactor).map((d) => toFinding(cf, d)));
    }
    s.progress({ type: "done", ...ids, probe });
    s.log(`${label}: ${status}${main ? ` (${main.ruleId})` : ""}`);
    return { probe, findings, ...(result?.facts?.listed && status === "ok" ? { listed: result.facts.listed } : {}) };
  };

  if (s.signal?.aborted) return finish("aborted", 0, []);
  // Shapes the static rules report (both / neither / client-specific kinds, URL entries the client refuses): not probed.
  if (transport === "unknown") return finish("skipped", 0, []);

  const at = (u: Unresolved, severity: Diagnosis["severity"]): Diagnosis => {
    const range = cf.subrange(u.pointer, u.placeholder.start, u.placeholder.end);
    return { ruleId: RULES.unresolvedVariable, severity, message: unresolvedMessage(u, cf.dialect), pointer: u.pointer, ...(range ? { range } : {}) };
  };
  const missing = resolved.problems.filter((p) => p.kind !== "interactive");
  if (missing.length > 0) return finish("failed", 0, missing.map((u) => at(u, "error")));
  if (resolved.problems.length > 0) return finish("skipped", 0, resolved.problems.map((u) => at(u, "info")));

  // The environment is scanned once per server for both redactors.
  const shared: ServerSecrets = { env: secretValues(s.env), args: argSecrets(resolved.args, (a) => isSecretSetting("", a)) };
  const redactor = redactorFor(resolved, shared);
  const lockRedactor = redactorFor(resolved, shared, true);
  let run: (timeoutMs: number, signal?: AbortSignal) => Promise<AttemptResult>;

  if (entry.kind === "stdio") {
    const command = resolved.command;
    if (command === undefined || command === "" || !entry.command) return finish("skipped", 0, []);
    const cwd = workingDirectory(resolved, cf, projectDir);
    if (!isDirectory(cwd)) {
      const pointer = entry.cwd?.pointer ?? entry.command.pointer;
      const written = typeof entry.cwd?.value === "string" && entry.cwd.value !== "" ? entry.cwd.value : undefined;
      const message = cwdNotFoundMessage(written, cwd, cf.dialect.keys.cwd);
      return finish("failed", 0, [{ ruleId: RULES.cwdNotFound, severity: "error", message, pointer }]);
    }
    const env = childEnv(s.env, resolved);
    const commandPointer = entry.command.pointer;
    run = (timeoutMs, signal) =>
      attemptStdio({
        spec: { command, args: resolved.args, cwd, env },
        command: typeof entry.command?.value === "string" ? entry.command.value : command,
        commandPointer,
        commandKey: cf.dialect.keys.command,
        entryPointer: entry.pointer,
        pathDirs: pathDirCount(env),
        timeoutMs,
        ...(signal ? { signal } : {}),
        redactor,
      });
  } else {
    const urlPointer = entry.url!.pointer;
    const value = resolved.url;
    if (value === undefined) return finish("skipped", 0, []);
    // Registry URL templates ({var}) are filled in by whoever installs the server: nothing to reach as written.
    if (cf.dialect.id === "mcp-registry" && /\{[^}]*\}/.test(value)) return finish("skipped", 0, []);
    const shape = analyseUrl(value);
    const notAttempted = (message: string, severity: Diagnosis["severity"] = "error") =>
      finish(severity === "error" ? "failed" : "skipped", 0, [{ ruleId: RULES.unsupportedScheme, severity, message, pointer: urlPointer }]);
    if (shape.kind === "host-port") return notAttempted(hostPortMessage(hostPortText(shape.host, shape.port), shape.port));
    if (shape.kind === "no-scheme") return notAttempted(noSchemeMessage(hostPortText(shape.host, shape.port)));
    if (shape.kind !== "url") return finish("skipped", 0, []); // empty, not a URL, templated scheme: valid-url reports it
    const parts: UrlParts = shape.parts;
    if (parts.scheme !== "http" && parts.scheme !== "https") {
      // VS Code reaches HTTP over a Unix socket or a named pipe; for every other client such a URL is no transport.
      if ((parts.scheme === "unix" || parts.scheme === "pipe") && cf.dialect.client === "VS Code") return notAttempted(socketMessage(parts.scheme, cf.dialect.client), "info");
      return notAttempted(badSchemeMessage(parts.scheme.length <= 20 ? parts.scheme : "This", parts.port));
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return finish("skipped", 0, []); // unparsable: valid-url reports it
    }
    // fetch refuses URLs with credentials; clients that accept them send them as Basic auth, and so does the probe.
    // Userinfo and query values may be echoed by the server: redacted wherever they appear.
    redactor.add(urlSecrets(url));
    lockRedactor.add(urlSecrets(url));
    let basicAuth: string | undefined;
    if (url.username !== "" || url.password !== "") {
      // A malformed % sequence (`100%sure`) is sent as written, as clients do when decoding fails.
      const basic = Buffer.from(`${safeDecode(url.username)}:${safeDecode(url.password)}`).toString("base64");
      redactor.add([basic]);
      lockRedactor.add([basic]);
      // A configured Authorization header wins: the userinfo is then not sent at all.
      if (!resolved.headers.some((h) => h.name.toLowerCase() === "authorization")) basicAuth = `Basic ${basic}`;
      url.username = "";
      url.password = "";
    }
    const port = url.port !== "" ? Number(url.port) : undefined;
    const host = hostPortText(parts.host);
    const path = displayablePath(entry.url!.value);
    run = (timeoutMs, signal) =>
      attemptUrl({
        url,
        transport: transport === "sse" ? "sse" : "http",
        headers: resolved.headers,
        ...(basicAuth !== undefined ? { basicAuth } : {}),
        urlPointer,
        origin: origin(parts),
        hostPort: hostPortText(parts.host, port ?? (url.protocol === "https:" ? 443 : 80)),
        host,
        port,
        ...(path !== undefined ? { path } : {}),
        dialect: cf.dialect,
        timeoutMs,
        ...(signal ? { signal } : {}),
        redactor,
      });
  }

  // Wait mode (--wait): retried until the deadline instead of --retries times. A stdio server is started once and
  // given all the time left: starting a command again does not make it answer sooner.
  const waiting = s.deadline !== undefined;
  const left = () => (s.deadline ?? Infinity) - performance.now();
  const maxAttempts = s.retries + 1;
  const of = (n: number, max: number) => (waiting ? String(n) : `${n}/${max}`);
  let attempts = 0;
  let result: AttemptResult;
  let gaveUp = false;
  // How often each kind of failure happened: some get fewer retries than --retries (a connection reset: one).
  const seen = new Map<string, number>();
  for (;;) {
    attempts++;
    // In wait mode an attempt ends at the deadline, but gets at least MIN_ATTEMPT_MS (the last one may overrun it by that).
    const timeoutMs = !waiting ? s.timeoutMs : Math.max(MIN_ATTEMPT_MS, entry.kind === "stdio" ? left() : Math.min(s.timeoutMs, left()));
    s.progress({ type: "attempt", ...ids, attempt: attempts, maxAttempts: waiting ? 0 : maxAttempts });
    s.log(`${label}: attempt ${of(attempts, maxAttempts)}: ${transport} ${target}`);
    const t0 = performance.now();
    result = await run(Math.round(timeoutMs), s.signal);
    s.log(`${label}: attempt ${of(attempts, maxAttempts)}: ${result.reason} after ${Math.round(performance.now() - t0)} ms`);
    if (result.outcome !== "failed" || !result.retryable) break;
    if (!waiting && attempts >= maxAttempts) break;
    const times = (seen.get(result.reason) ?? 0) + 1;
    seen.set(result.reason, times);
    if (result.maxRetries !== undefined && times > result.maxRetries) break;
    if (waiting && left() <= 0) {
      gaveUp = true;
      break;
    }
    // A server that says when to come back (429 Retry-After) is taken at its word, up to the longest backoff.
    let delay = result.retryAfterMs !== undefined ? Math.min(result.retryAfterMs, MAX_BACKOFF_MS) : backoffDelay(attempts, s.backoffMs, s.random);
    if (waiting) delay = Math.min(delay, Math.max(0, left()));
    s.log(`${label}: retry ${of(attempts, s.retries)} in ${delaySeconds(delay)} s: ${result.reason}`);
    s.progress({ type: "retry-wait", ...ids, retry: attempts, retries: waiting ? 0 : s.retries, delayMs: delay, reason: result.reason });
    if (!(await sleep(delay, s.signal))) {
      result = { outcome: "aborted", retryable: false, reason: "aborted", extra: [] };
      break;
    }
  }
  if (waiting && gaveUp) s.log(`${label}: gave up: the wait of ${seconds(s.waitMs ?? 0)} is over`);

  if (result.outcome === "aborted") return finish("aborted", attempts, []);
  let primary = result.diagnose?.(attempts);
  if (primary && gaveUp) primary = { ...primary, message: `${primary.message} ${waitOverMessage(s.waitMs ?? 0)}` };
  const diagnoses = primary ? [primary, ...result.extra] : [...result.extra];
  return finish(result.outcome, attempts, diagnoses, primary, result, redactor, lockRedactor);
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Starts (stdio) or reaches (Streamable HTTP, SSE) every server of the MCP config files under `paths`,
 * runs initialize and the list calls with the MCP SDK client, and diagnoses every failure as a finding
 * located in the config file. Runs the configured commands: use only on configs you trust.
 */
export async function probe(paths: string[], options: ProbeOptions = {}): Promise<ProbeRun> {
  const s = settingsOf(options);
  const lookup = lookupOf(s);
  const files = await configFiles(paths, s, lookup);

  let selected = files.map((cf) => ({ cf, entries: cf.servers }));
  if (options.servers && options.servers.length > 0) {
    const wanted = new Set(options.servers);
    const known = new Set(files.flatMap((cf) => cf.servers.map((e) => e.name)));
    const unknown = [...wanted].filter((n) => !known.has(n));
    if (unknown.length > 0) {
      const list = [...known].slice(0, 20).map((n) => JSON.stringify(n)).join(", ");
      throw new UsageError(
        `No server named ${unknown.map((n) => JSON.stringify(n)).join(", ")} in the config files found. ${known.size > 0 ? `Servers found: ${list}${known.size > 20 ? ", …" : ""}.` : "No servers were found."}`,
      );
    }
    selected = selected.map(({ cf, entries }) => ({ cf, entries: entries.filter((e) => wanted.has(e.name)) }));
  }
  // The lock file's own finding (probe-lock-invalid) takes the settings that apply to the lock file.
  const settleOther = (r: LintFileResult): LintFileResult => {
    const abs = resolve(s.cwd, r.file);
    return { ...r, findings: settleFindings(r.findings, resolveFileSettings(lookup.forFile(abs), abs)) };
  };
  return probeSelected(
    selected.filter(({ entries }) => entries.length > 0),
    s,
    options,
    settleOther,
  );
}

/**
 * Probes one server named by its URL or command instead of a config file, as `mcp-lint probe --url …` and
 * `mcp-lint probe -- command …` do. Findings are located in a one-line rendering of the target (file
 * "(command line)": the URL, or the command and its arguments), so every output format works unchanged.
 */
export async function probeTarget(target: ProbeTarget, options: ProbeOptions = {}): Promise<ProbeRun> {
  const s = settingsOf(options);
  const cf = targetSource(target, s.cwd);
  return probeSelected([{ cf, entries: cf.servers }], s, options);
}

/**
 * Waits until the server answers initialize and tools/list, retrying with backoff until `waitMs` (default 30 s) has
 * passed; resolves with its ServerProbe (status "ok"). Failures that waiting cannot fix (command not found, the
 * process exits, 401/403, 404, a web page, a TLS error) end the wait at once. Rejects with a ServerNotReadyError
 * that carries the diagnosis, or with the signal's reason when `signal` aborts.
 */
export async function waitForServer(target: ProbeTarget, options: WaitOptions = {}): Promise<ServerProbe> {
  const run = await probeTarget(target, { ...options, waitMs: options.waitMs ?? DEFAULT_WAIT_MS });
  const server = run.servers[0]!;
  if (server.status === "ok") return server;
  if (server.status === "aborted") throw options.signal?.reason ?? new Error("aborted");
  throw new ServerNotReadyError(server, run.results.flatMap((r) => r.findings));
}

/** Default of waitForServer's `waitMs`. */
export const DEFAULT_WAIT_MS = 30_000;

/** Thrown by waitForServer: the server did not answer, with the probe's diagnosis (`probe.finding`). */
export class ServerNotReadyError extends Error {
  override readonly name = "ServerNotReadyError";
  constructor(
    /** Status "failed" or "skipped" (a server that wants an OAuth sign-in), attempts, and the diagnosis. */
    readonly probe: ServerProbe,
    /** Every finding (the diagnosis first in severity order; a stdout-noise finding may come with it). */
    readonly findings: Finding[],
  ) {
    super(probe.finding ? `${probe.target}: ${probe.finding.message}` : `${probe.target}: ${probe.status}`);
  }
}

/** `settleOther`: config files only (the lock is not used for a command-line target), for results not of a config file. */
async function probeSelected(
  selected: Array<{ cf: ConfigFile; entries: ServerEntry[] }>,
  s: Settings,
  options: ProbeOptions,
  settleOther?: (r: LintFileResult) => LintFileResult,
): Promise<ProbeRun> {
  // One run signal follows the caller's: every attempt and backoff listens to it, not to the caller's signal.
  const run = new AbortController();
  setMaxListeners(0, run.signal);
  const outer = options.signal;
  const onAbort = () => run.abort();
  if (outer?.aborted) run.abort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  const settings: Settings = { ...s, signal: run.signal, ...(s.waitMs !== undefined ? { deadline: performance.now() + s.waitMs } : {}) };

  const tasks = selected.flatMap(({ cf, entries }) => entries.map((entry) => ({ cf, entry })));
  // Waiting: every server waits at once (one behind another would wait for the time the first one took).
  const limit = s.waitMs !== undefined && options.concurrency === undefined ? Math.max(1, tasks.length) : s.concurrency;
  const outcomes: ServerOutcome[] = new Array(tasks.length);
  try {
    await pool(tasks, limit, async ({ cf, entry }, i) => {
      try {
        outcomes[i] = await probeServer(cf, entry, settings);
      } catch (error) {
        // A bug in the probe must not stop the others: it becomes core's internal-error finding.
        const finding = internalError(cf.file, "probe", error);
        const probe: ServerProbe = {
          file: cf.file,
          name: entry.name,
          pointer: entry.pointer,
          transport: transportOf(entry),
          target: "-",
          status: "failed",
          attempts: 0,
          durationMs: 0,
          finding,
        };
        outcomes[i] = { probe, findings: [finding] };
      }
    });
  } finally {
    outer?.removeEventListener("abort", onAbort);
  }

  // The live surface of every server that answered: the lock, the collision check (and later scans of the
  // descriptions servers really return) all start from this one list.
  const live: SurfaceServer[] = tasks.map(({ cf, entry }, i) => ({
    file: cf.file,
    name: entry.name,
    dialect: cf.dialect.id,
    ...(outcomes[i]!.listed ? { listed: outcomes[i]!.listed } : {}),
    ...(outcomes[i]!.probe.surface ? { surface: outcomes[i]!.probe.surface } : {}),
    at: (d: Diagnosis & { fingerprintKey?: string }) => toFinding(cf, d),
    pointer: entry.pointer,
  }));
  const checks = settleOther ? surfaceChecks(live, s.cwd, options.lock ?? "compare") : { findings: [], extraResults: [] };

  const results: LintFileResult[] = selected.map(({ cf }) => {
    const found = outcomes.filter((o, i) => tasks[i]!.cf === cf).flatMap((o) => o.findings);
    found.push(...checks.findings.filter((f) => f.file === cf.file));
    const findings = cf.settle ? cf.settle(found) : found;
    return { file: cf.file, dialect: cf.dialect.id, findings: findings.sort(compareFindings), source: cf.text };
  });
  if (settleOther) results.push(...checks.extraResults.map(settleOther));
  return { results, servers: outcomes.map((o) => o.probe), ...(checks.lockWritten ? { lockWritten: checks.lockWritten } : {}) };
}
