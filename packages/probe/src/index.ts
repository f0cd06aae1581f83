/**
 * @mcp-lint/probe: start or reach every configured MCP server with the real SDK client and diagnose why
 * it fails, as findings in the same model (and formats) as the static rules; or wait until one server answers
 * before connecting to it (waitForServer).
 */
export { probe, probeTarget, waitForServer, ServerNotReadyError, DEFAULT_WAIT_MS, backoffDelay } from "./probe.js";
export { COMMAND_LINE } from "./target.js";
export { formatProbeTable, formatProgressLine } from "./format.js";
export { RULES as PROBE_RULES } from "./messages.js";
export { LOCK_FILE, LOCK_VERSION, canonicalJson, compareSurface, formatLock, parseLock, surfaceOf, toolCollisions } from "./lock.js";
export type { LockFile, LockedItem, ServerSurface, SurfaceChange } from "./lock.js";
export type {
  CommandTarget,
  ProbeOptions,
  ProbeProgress,
  ProbeRun,
  ProbeStatus,
  ProbeTarget,
  ProbeTransport,
  ServerProbe,
  UrlTarget,
  WaitOptions,
} from "./types.js";
