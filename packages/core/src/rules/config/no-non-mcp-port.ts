import { defineConfigRule } from "../types.js";
import { clientName, entryUrl } from "../../util/urls.js";

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

interface Options {
  allow: number[];
}

export const noNonMcpPort = defineConfigRule<"port", Options>({
  meta: {
    id: "no-non-mcp-port",
    description: "A server URL must not point at the port of a well-known non-MCP service (SSH, databases, Minecraft…)",
    severity: "error",
    recommended: true,
    messages: {
      port: "Port {{port}} is {{service}}'s; nothing there speaks MCP, so {{client}} would get a refused connection or garbage. Use the port your MCP server listens on (its Streamable HTTP endpoint, often …/mcp).",
    },
    schema: [
      {
        type: "object",
        properties: {
          allow: { type: "array", items: { type: "integer", minimum: 1, maximum: 65535 }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: { allow: [] },
  },
  check({ dialect, servers, options, report }) {
    const allow = new Set(options.allow ?? []);
    for (const entry of servers) {
      const url = entryUrl(entry, dialect);
      if (!url) continue;
      const { shape } = url;
      const port = shape.kind === "url" ? shape.parts.port : shape.kind === "host-port" || shape.kind === "no-scheme" ? shape.port : undefined;
      if (port === undefined) continue;
      if (allow.has(port)) continue;
      const service = NON_MCP_PORTS.get(port);
      if (!service) continue;
      report({ messageId: "port", data: { port, service, client: clientName(dialect) }, pointer: url.pointer, part: "value" });
    }
  },
});
