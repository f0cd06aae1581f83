import { closeSync, openSync, readSync, statSync } from "node:fs";
import { delimiter, isAbsolute, resolve } from "node:path";
import { ChildProcessTransport, type ChildSpec } from "./child.js";
import {
  RULES,
  commandNotFoundMessage,
  exitedMessage,
  interpreterNotFoundMessage,
  invalidResultMessage,
  jsonRpcErrorMessage,
  noiseMessage,
  seconds,
  stdioTimeoutMessage,
  unsupportedVersionMessage,
} from "./messages.js";
import type { MissingInterpreter } from "./messages.js";
import type { Redactor } from "./redact.js";
import { handshake, jsonRpcError, newClient, unsupportedVersion, withDeadline, type AttemptResult, type Diagnosis } from "./session.js";

export interface StdioAttempt {
  spec: ChildSpec;
  /** Command as written in the config (for messages), and its pointer. */
  command: string;
  commandPointer: string;
  commandKey: string;
  /** Pointer of the server entry (runtime problems are located at its name). */
  entryPointer: string;
  pathDirs: number;
  timeoutMs: number;
  signal?: AbortSignal;
  redactor: Redactor;
}

const STDERR_LINES = 5;
const LINE_MAX = 200;

/** One start of a stdio server: spawn, initialize, list, stop. Never retried (waiting does not help a command). */
export async function attemptStdio(a: StdioAttempt): Promise<AttemptResult> {
  const transport = new ChildProcessTransport(a.spec);
  const client = newClient();
  const phase = { name: "initialize" };
  const protocol: { version?: string } = {};
  const run = await withDeadline((signal) => handshake(client, transport, signal, a.timeoutMs, phase, protocol, a.redactor), a.timeoutMs, a.signal);
  // Kills the child (stdin end, SIGTERM, SIGKILL after 2 s) and waits until it has exited.
  await transport.close();
  await client.close().catch(() => undefined);

  const at = (ruleId: string, message: string, severity: Diagnosis["severity"] = "error"): Diagnosis => ({
    ruleId,
    severity,
    message,
    pointer: a.entryPointer,
    part: "key",
  });
  const extra: Diagnosis[] = [];
  if (transport.noise.count > 0 && transport.noise.first !== undefined) {
    extra.push(at(RULES.stdoutNoise, noiseMessage(a.redactor.line(transport.noise.first, LINE_MAX), transport.noise.count)));
  }
  const stderr = () => transport.stderrTail(STDERR_LINES).map((l) => a.redactor.line(l, LINE_MAX));
  const failed = (reason: string, diagnosis: Diagnosis): AttemptResult => ({ outcome: "failed", retryable: false, reason, diagnose: () => diagnosis, extra });

  if (run.aborted) return { outcome: "aborted", retryable: false, reason: "aborted", extra };
  if (transport.spawnError) {
    const code = transport.spawnError.code ?? "spawn error";
    // ENOENT for a file that exists: the kernel did not find the interpreter its #! line names.
    const interpreter = code === "ENOENT" ? missingInterpreter(a.spec) : undefined;
    if (interpreter) {
      return failed("interpreter not found", {
        ruleId: RULES.commandNotFound,
        severity: "error",
        message: interpreterNotFoundMessage(a.command, interpreter),
        pointer: a.commandPointer,
        part: "value",
      });
    }
    return failed(code === "ENOENT" ? "command not found" : `cannot start (${code})`, {
      ruleId: RULES.commandNotFound,
      severity: "error",
      message: commandNotFoundMessage(a.command, code, a.pathDirs, a.commandKey),
      pointer: a.commandPointer,
      part: "value",
    });
  }
  if (run.value) return { outcome: "ok", retryable: false, reason: "ok", extra, facts: run.value };
  if (run.timedOut) {
    return failed(`no answer to ${phase.name} within ${seconds(a.timeoutMs)}`, at(RULES.timeout, stdioTimeoutMessage(a.timeoutMs, phase.name, stderr())));
  }
  if (transport.exit && !transport.closedByUs) {
    const exit = transport.exit;
    const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
    return failed(how, at(RULES.exited, exitedMessage(exit, phase.name, stderr())));
  }
  const rpc = jsonRpcError(run.error);
  if (rpc) {
    return failed(`JSON-RPC error ${rpc.code}`, at(RULES.protocol, jsonRpcErrorMessage(phase.name, rpc.code, a.redactor.line(rpc.message, LINE_MAX))));
  }
  const version = unsupportedVersion(run.error);
  if (version !== undefined) return failed("unsupported protocol version", at(RULES.protocol, unsupportedVersionMessage(version)));
  return failed("invalid answer", at(RULES.protocol, invalidResultMessage(phase.name)));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file spawn ran: a path as given (relative to the working directory), else the first match on PATH. */
function commandFile(spec: ChildSpec): string | undefined {
  const { command, cwd, env } = spec;
  if (/[\\/]/.test(command)) {
    const path = isAbsolute(command) ? command : resolve(cwd, command);
    return isFile(path) ? path : undefined;
  }
  const key = Object.keys(env).find((k) => k.toUpperCase() === "PATH");
  for (const dir of (key ? (env[key] ?? "") : "").split(delimiter)) {
    if (dir === "") continue;
    const path = resolve(cwd, dir, command);
    if (isFile(path)) return path;
  }
  return undefined;
}

function firstLine(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString("latin1").split("\n")[0];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function onPath(program: string, spec: ChildSpec): boolean {
  return commandFile({ ...spec, command: program }) !== undefined;
}

/**
 * Why an existing command file could not be executed with ENOENT: the interpreter of its `#!` line is missing
 * (`#!/nonexistent/python9`), or `#!/usr/bin/env NAME` names a program not on PATH, or the line ends in a
 * carriage return (the script has Windows line endings, so the kernel looks for "python3\r").
 */
export function missingInterpreter(spec: ChildSpec): MissingInterpreter | undefined {
  const file = commandFile(spec);
  const line = file ? firstLine(file) : undefined;
  if (line === undefined || !line.startsWith("#!")) return undefined;
  const crlf = line.endsWith("\r");
  const words = line.slice(2).replace(/\r$/, "").trim().split(/[ \t]+/).filter(Boolean);
  const interpreter = words[0];
  if (interpreter === undefined) return { interpreter: "", crlf };
  if (crlf) return { interpreter, crlf };
  if (!isFile(interpreter)) return { interpreter, crlf };
  if (/(^|\/)env$/.test(interpreter)) {
    const program = words.slice(1).find((w) => !w.startsWith("-") && !w.includes("="));
    if (program !== undefined && !onPath(program, spec)) return { interpreter, program, crlf };
  }
  return undefined;
}
