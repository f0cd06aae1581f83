import { ChildProcessTransport, type ChildSpec } from "./child.js";
import {
  RULES,
  commandNotFoundMessage,
  exitedMessage,
  invalidResultMessage,
  jsonRpcErrorMessage,
  noiseMessage,
  seconds,
  stdioTimeoutMessage,
  unsupportedVersionMessage,
} from "./messages.js";
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
  const run = await withDeadline((signal) => handshake(client, transport, signal, a.timeoutMs, phase, protocol), a.timeoutMs, a.signal);
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
    extra.push(at(RULES.stdoutNoise, noiseMessage(a.redactor.line(transport.noise.first, 120), transport.noise.count)));
  }
  const stderr = () => transport.stderrTail(STDERR_LINES).map((l) => a.redactor.line(l, LINE_MAX));
  const failed = (reason: string, diagnosis: Diagnosis): AttemptResult => ({ outcome: "failed", retryable: false, reason, diagnose: () => diagnosis, extra });

  if (run.aborted) return { outcome: "aborted", retryable: false, reason: "aborted", extra };
  if (transport.spawnError) {
    const code = transport.spawnError.code ?? "spawn error";
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
