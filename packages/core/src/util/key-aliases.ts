import type { Transport } from "../dialects/types.js";

/**
 * The same setting spelled differently by different clients. Used to say
 * "`serverUrl` is Windsurf's name for what Cursor calls `url`" instead of a
 * bare "unknown key".
 */
export interface KeyConcept {
  id: string;
  /** Every spelling seen in some client's format (or commonly mistaken for one). */
  keys: readonly string[];
  /** Renaming one spelling to another keeps the meaning (same value shape and unit). */
  renameSafe: boolean;
  /** Shown when no rename is offered (units differ, values differ). */
  note?: string;
}

export const KEY_CONCEPTS: readonly KeyConcept[] = [
  { id: "url", keys: ["url", "serverUrl", "httpUrl", "uri", "serverURL", "baseUrl", "base_url", "server_url", "endpoint"], renameSafe: true },
  { id: "command", keys: ["command", "cmd", "executable"], renameSafe: true },
  { id: "args", keys: ["args", "arguments", "argv"], renameSafe: true },
  { id: "env", keys: ["env", "envs", "environment"], renameSafe: true },
  { id: "headers", keys: ["headers", "http_headers", "httpHeaders"], renameSafe: true },
  { id: "cwd", keys: ["cwd", "workingDirectory", "working_directory", "workdir"], renameSafe: true },
  { id: "envFile", keys: ["envFile", "env_file"], renameSafe: true },
  { id: "type", keys: ["type", "transport", "transportType", "transport_type"], renameSafe: false, note: "the accepted values differ between clients" },
  { id: "approve", keys: ["autoApprove", "alwaysAllow", "auto_approve"], renameSafe: true },
  { id: "excludeTools", keys: ["disabledTools", "excludeTools", "disabled_tools", "excludedTools"], renameSafe: true },
  { id: "includeTools", keys: ["includeTools", "enabled_tools", "available_tools", "allowedTools"], renameSafe: true },
  {
    id: "timeout",
    keys: ["timeout", "startup_timeout_sec", "tool_timeout_sec", "startup_timeout_ms", "connectionTimeout"],
    renameSafe: false,
    note: "check the unit: clients count seconds or milliseconds",
  },
  { id: "bearer", keys: ["bearer_token", "bearerToken", "bearer_token_env_var"], renameSafe: false },
];

/** On/off flags that mean the opposite of each other. */
export const OPPOSITE_FLAGS: Readonly<Record<string, string>> = { disabled: "enabled", enabled: "disabled" };

export function conceptOf(key: string): KeyConcept | undefined {
  return KEY_CONCEPTS.find((c) => c.keys.includes(key));
}

/** Spellings of the three MCP transports across clients, normalised (lower case, no separators). */
const TRANSPORT_SPELLINGS: Record<Transport, readonly string[]> = {
  stdio: ["stdio", "local", "process", "command", "childprocess", "subprocess"],
  http: ["http", "streamablehttp", "streamable", "httpstream", "streaminghttp", "remote", "https", "mcp"],
  sse: ["sse", "httpsse", "serversentevents", "eventsource"],
};

/** The transport a type value most likely means, whatever client it was written for. */
export function transportOfSpelling(value: string): Transport | undefined {
  const v = value.trim().toLowerCase().replace(/[\s_-]+/g, "");
  for (const [transport, spellings] of Object.entries(TRANSPORT_SPELLINGS) as Array<[Transport, readonly string[]]>) {
    if (spellings.includes(v)) return transport;
  }
  return undefined;
}
