import type { Format } from "../document/types.js";

/** The three transports of the MCP specification. There is no TCP transport. */
export type Transport = "stdio" | "http" | "sse";

/** How a client expands `${...}`-style placeholders in config strings. */
export interface VariableSyntax {
  /** Placeholder forms this client expands (matched against a whole placeholder). */
  expands: RegExp[];
  /** The syntax to suggest for an environment variable, e.g. (n) => `${env:${n}}`; undefined = no interpolation. */
  env?: (name: string) => string;
  /** Short human description, e.g. "${env:NAME}". */
  describe: string;
  /** The client's expansion rules are not known well enough to flag placeholders. */
  unknown?: boolean;
}

/**
 * One MCP client's config format: where its files live, how they are written,
 * what keys mean, and what the client supports. Rules read only this, so a
 * new client is a new dialect file, not new rule code.
 */
export interface Dialect {
  id: string;
  /** Client name as users know it ("Claude Desktop"). */
  client: string;
  /** Where the format is documented. */
  docsUrl: string;
  format: Format;
  /** For JSON files: are comments / trailing commas accepted by the client? */
  comments: boolean;
  trailingCommas: boolean;
  /** Matchers over the file path, normalised to forward slashes. */
  paths: RegExp[];
  /** Content sniffing fallback when no path matched: does this value look like this client's file? */
  sniff?: (value: unknown) => boolean;
  /** Preference when several sniffers match (higher wins). */
  sniffPriority?: number;
  /** What in the content proves this dialect, for --print-config (default: its servers' root key). */
  sniffReason?: string;
  /** The JSON Schema of the whole file (validated with ajv). */
  schema: object;
  /** Pointers of the server containers (maps or, for Continue, a list). */
  servers: ServerLocator;
  /** Top-level keys that hold this client's servers, for the root-key rule ("mcpServers"). Empty: not a servers file. */
  rootKeys: string[];
  /** Field names inside a server entry. */
  keys: {
    command: string;
    args?: string;
    env?: string;
    headers?: string;
    cwd?: string;
    type?: string;
    /** URL keys in order of preference; the first is canonical. */
    url: string[];
  };
  /** `command` holds program + args as one array (opencode). */
  commandIsArray?: boolean;
  /** Accepted values of the type key, mapped to a transport (undefined = a non-MCP kind such as Goose "builtin"). */
  types: Record<string, Transport | undefined>;
  /** Canonical type value to suggest per transport. */
  canonicalType?: Partial<Record<Transport, string>>;
  /** Transport of a URL entry without a type key (undefined = the client refuses it). */
  urlDefault?: Transport;
  /** URL keys that imply a transport (Gemini httpUrl = Streamable HTTP). */
  urlKeyTransport?: Record<string, Transport>;
  /** An HTTP entry is retried with legacy HTTP+SSE when Streamable HTTP fails (opencode): an /sse URL still connects. */
  httpFallsBackToSse?: boolean;
  /** Transports this client can use from this file. */
  transports: Transport[];
  variables: VariableSyntax;
  /** Pointer of VS Code's "inputs" list ("${input:id}" declarations), where the format has one. */
  inputsPointer?: string;
  /**
   * Files that are MCP configs only when they hold a block (VS Code settings.json and its "mcp" key):
   * without it the file is skipped quietly, whatever its path says.
   */
  holdsMcp?: {
    test: (value: unknown) => boolean;
    /** For a file that does not parse. */
    testText: (text: string) => boolean;
    /** --print-config's reason when the block is there / missing. */
    present: string;
    absent: string;
  };
  /** Working directory of stdio servers when the entry sets none. */
  cwd: "project" | "home" | "unknown" | "launch";
}

export type ServerLocator =
  | { kind: "map"; pointers: string[] | ((value: unknown) => string[]) }
  | { kind: "list"; pointers: string[] };
