/**
 * URL and port analysis shared by every language's transport rules and the
 * config rules: what a client URL's scheme, host and port are, and which
 * well-known ports belong to services that never speak MCP. One table, so a
 * port (25565 is Minecraft's) reads the same in a config, in JS/TS and in Python.
 */

/** Well-known ports of services that never speak MCP (IANA assignments and de-facto defaults). */
export const NON_MCP_PORTS: ReadonlyMap<number, string> = new Map([
  [21, "FTP"],
  [22, "SSH"],
  [23, "Telnet"],
  [25, "SMTP"],
  [53, "DNS"],
  [110, "POP3"],
  [135, "Windows RPC"],
  [139, "NetBIOS"],
  [143, "IMAP"],
  [389, "LDAP"],
  [445, "SMB"],
  [465, "SMTP"],
  [587, "SMTP"],
  [636, "LDAPS"],
  [993, "IMAPS"],
  [995, "POP3S"],
  [1433, "Microsoft SQL Server"],
  [1521, "Oracle Database"],
  [1883, "MQTT"],
  [2181, "ZooKeeper"],
  [3306, "MySQL"],
  [3389, "RDP"],
  [5432, "PostgreSQL"],
  [5672, "RabbitMQ"],
  [5900, "VNC"],
  [6379, "Redis"],
  [8883, "MQTT"],
  [9042, "Cassandra"],
  [9092, "Kafka"],
  [9200, "Elasticsearch"],
  [9300, "Elasticsearch"],
  [11211, "Memcached"],
  [25565, "Minecraft"],
  [27017, "MongoDB"],
]);

/** Extra well-known ports for the code rules (JS/TS and Python) on top of the config list (game RCON is not in it). */
const EXTRA_PORTS: ReadonlyMap<number, string> = new Map([[25575, "Minecraft RCON"]]);

export function serviceOf(port: number): string | undefined {
  return NON_MCP_PORTS.get(port) ?? EXTRA_PORTS.get(port);
}

export interface UrlFacts {
  scheme?: string;
  host?: string;
  port?: number;
  /** Written without a scheme: `localhost:3000/mcp`. */
  schemeless?: boolean;
}

const HOST = "(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9][A-Za-z0-9.-]*)";
const SCHEMELESS = new RegExp(`^(${HOST}):(\\d{1,5})?(?:[/?#]|$)`);

/** Scheme, host and port of a (possibly incomplete) URL text; never anything after the authority. */
export function urlFacts(text: string, complete: boolean): UrlFacts | undefined {
  const t = text.trim();
  const bare = SCHEMELESS.exec(t);
  // `localhost:3000`, `127.0.0.1:3000/mcp`, `localhost:${port}`: no scheme (new URL reads "localhost:" as one, or throws).
  if (bare && (bare[2] !== undefined || (!complete && t === bare[0]))) {
    const facts: UrlFacts = { schemeless: true, host: bare[1]!.toLowerCase() };
    if (bare[2] !== undefined && (complete || bare[0].length < t.length)) facts.port = Number(bare[2]);
    return facts;
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?/.exec(t);
  if (!m) return undefined;
  const facts: UrlFacts = { scheme: m[1]!.toLowerCase() };
  if (!m[2]) return facts;
  const rest = t.slice(m[0].length);
  const end = rest.search(/[/?#]/);
  if (end < 0 && !complete) return facts; // the authority is not fully known
  let authority = end < 0 ? rest : rest.slice(0, end);
  authority = authority.slice(authority.lastIndexOf("@") + 1);
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(authority);
  if (!hp) return facts;
  facts.host = hp[1]!.toLowerCase();
  if (hp[2] !== undefined) facts.port = Number(hp[2]);
  return facts;
}

/** `scheme://host:port` (or `host:port`) of a URL's facts, for messages. */
export function display(f: UrlFacts): string {
  const hostPort = `${f.host ?? ""}${f.port !== undefined ? `:${f.port}` : ""}`;
  return f.scheme ? `${f.scheme}://${hostPort}` : hostPort;
}

