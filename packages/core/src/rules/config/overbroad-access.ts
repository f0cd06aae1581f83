import type { Located } from "../../dialects/servers.js";
import { invocation } from "../../util/commands.js";
import { packageSpecs, runnerFor } from "../../util/package-runners.js";
import { echo } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";

/** Packages whose positional arguments are the folders the server may read and write. */
const FILESYSTEM_SERVERS = new Set(["@modelcontextprotocol/server-filesystem"]);

/** Folders that hold credentials: SSH and GPG keys, cloud and cluster credentials, registry logins. */
const CREDENTIAL_SEGMENTS = new Set([".ssh", ".aws", ".gnupg", ".kube", ".docker", ".azure", ".password-store", ".gcloud"]);

/**
 * The home folder as written in a config: `~` (the filesystem server expands it), and the placeholders clients expand
 * (`${HOME}` in Claude Code and others, `${userHome}` / `${env:HOME}` in VS Code). `$HOME` and `%USERPROFILE%` are not
 * expanded in arguments (no shell runs), so the server would get that literal text: not reported here.
 */
const HOME_WORDS = new Set(["~", "${home}", "${userhome}", "${env:home}", "${env:userprofile}", "/root"]);

export type Breadth = "root" | "home" | "credentials";

/** How broad a folder handed to a server is: the whole disk, a home folder, a credential folder, or not broad. */
export function breadth(raw: string): Breadth | undefined {
  if (raw.length > 4096) return undefined;
  let p = raw.trim().replace(/^["']|["']$/g, "");
  if (p === "") return undefined;
  if (/^[\\/]+$/.test(p)) return "root";
  if (/^[A-Za-z]:[\\/]*$/.test(p)) return "root";
  p = p.replace(/[\\/]+$/, "");
  if (HOME_WORDS.has(p.toLowerCase())) return "home";
  if (/^\/(Users|home)\/[^/]+$/.test(p) || /^[A-Za-z]:[\\/]Users[\\/][^\\/]+$/i.test(p)) return "home";
  const segments = p.split(/[\\/]+/);
  for (let i = 0; i < segments.length && i < 64; i++) {
    const s = segments[i]!.toLowerCase();
    if (CREDENTIAL_SEGMENTS.has(s)) return "credentials";
    if (s === ".config" && segments[i + 1]?.toLowerCase() === "gcloud") return "credentials";
  }
  return undefined;
}

const DOCKER_SOCKET = /^(?:\/\/?var\/run\/docker\.sock|\/run\/docker\.sock|\\\\\.\\pipe\\docker_engine|\/\/\.\/pipe\/docker_engine)$/i;

/** `-v SRC:DST[:opts]` or `--mount type=bind,source=SRC,...`: the host side. */
function mountSource(option: string, value: string): string | undefined {
  if (option === "--mount") {
    for (const part of value.split(",")) {
      const m = /^\s*(?:source|src)=(.*)$/i.exec(part);
      if (m) return m[1];
    }
    return undefined;
  }
  // Windows drive letters ("C:\\x:/data") keep their colon.
  const m = /^([A-Za-z]:[\\/][^:]*|[^:]*)(?::|$)/.exec(value);
  return m?.[1];
}

const DANGEROUS_FLAG = /^(--dangerously[-_][A-Za-z0-9-_]+|--allow-all|--yolo)(?:=.*)?$/i;

type MessageIds = "broadFolder" | "credentialFolder" | "dangerousFlag" | "privileged" | "hostNetwork" | "dockerSocket" | "broadMount";

const WHAT: Record<Breadth, string> = { root: "the whole disk", home: "the home folder", credentials: "a credential folder" };

export const overbroadAccess = defineConfigRule<MessageIds, Record<string, never>>({
  meta: {
    id: "overbroad-access",
    description: "A server must not be given the whole disk, the home folder, credential folders or the host (Docker --privileged, host network, Docker socket)",
    severity: "warning",
    recommended: true,
    securitySeverity: 7.0,
    messages: {
      broadFolder:
        "The filesystem server is given {{what}} ({{path}}): the model can read and write every file under it, credentials included. Give it only the folders it needs.",
      credentialFolder:
        "The filesystem server is given a credential folder ({{path}}): keys and tokens in it become readable by the model and by anything it sends them to. Leave credential folders out of its allowed directories.",
      dangerousFlag:
        "{{flag}} turns off this server's permission checks by its own name: whatever the model asks for runs without them. Grant the narrower permissions the server needs instead.",
      privileged:
        "docker run --privileged gives the server's container every capability and device of the host, so it is no longer isolated from this machine. Add only the capabilities or devices it needs.",
      hostNetwork:
        "--network host puts the server on the host's network stack: it reaches every service listening on this machine, including those bound to 127.0.0.1. Publish the ports it needs with -p instead.",
      dockerSocket:
        "The Docker socket is mounted into the server's container: whoever controls the Docker daemon controls the host, so the server is no longer isolated from this machine.",
      broadMount:
        "{{what}} ({{path}}) is mounted into the server's container: every file under it becomes readable, and writable unless mounted read-only. Mount only the folders it needs.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ servers, report }) {
    for (const entry of servers) {
      if (entry.disabled) continue;
      const run = invocation(entry);
      if (!run) continue;
      const args = run.args.length > 512 ? run.args.slice(0, 512) : run.args;
      for (const arg of args) {
        const m = DANGEROUS_FLAG.exec(arg.value);
        if (m) report({ messageId: "dangerousFlag", data: { flag: m[1]! }, pointer: arg.pointer, part: "value" });
      }
      const runner = runnerFor(run.program, args);
      if (!runner) continue;
      if (runner.kind === "docker") {
        dockerOptions(args, runner.start, runner.valueOptions, report);
        continue;
      }
      if (runner.kind !== "npm") continue;
      const spec = packageSpecs(runner, args)[0];
      if (!spec) continue;
      const at = spec.text.indexOf("@", spec.text.startsWith("@") ? 1 : 0);
      const name = (at > 0 ? spec.text.slice(0, at) : spec.text).toLowerCase();
      if (!FILESYSTEM_SERVERS.has(name)) continue;
      const index = args.findIndex((a) => a.pointer === spec.pointer);
      for (let i = index + 1; i < args.length; i++) {
        const arg = args[i]!;
        if (arg.value.startsWith("-")) continue;
        const b = breadth(arg.value);
        if (!b) continue;
        const path = echo(arg.value, "this path");
        if (b === "credentials") report({ messageId: "credentialFolder", data: { path }, pointer: arg.pointer, part: "value" });
        else report({ messageId: "broadFolder", data: { what: WHAT[b], path }, pointer: arg.pointer, part: "value" });
      }
    }
  },
});

type Report = (d: { messageId: MessageIds; data?: Record<string, string>; pointer: string; part: "value" }) => void;

/** docker/podman run options before the image. */
function dockerOptions(args: Located<string>[], start: number, valueOptions: ReadonlySet<string>, report: Report): void {
  for (let i = start; i < args.length; i++) {
    const arg = args[i]!;
    const a = arg.value;
    if (a === "--" || !a.startsWith("-") || a === "-") return; // the image: options end here
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    const hasValue = valueOptions.has(name) && eq < 0;
    const valueArg = eq > 0 ? arg : hasValue ? args[i + 1] : undefined;
    const value = eq > 0 ? a.slice(eq + 1) : valueArg?.value;
    if (name === "--privileged" && (eq < 0 || /^true$/i.test(a.slice(eq + 1)))) {
      report({ messageId: "privileged", pointer: arg.pointer, part: "value" });
    } else if ((name === "--network" || name === "--net") && value !== undefined && /^host$/i.test(value) && valueArg) {
      report({ messageId: "hostNetwork", pointer: valueArg.pointer, part: "value" });
    } else if ((name === "-v" || name === "--volume" || name === "--mount") && value !== undefined && valueArg) {
      const source = mountSource(name, value);
      if (source !== undefined) {
        if (DOCKER_SOCKET.test(source.trim())) report({ messageId: "dockerSocket", pointer: valueArg.pointer, part: "value" });
        else {
          const b = breadth(source);
          if (b === "root" || b === "home") report({ messageId: "broadMount", data: { what: b === "root" ? "The whole disk" : "The home folder", path: echo(source, "this path") }, pointer: valueArg.pointer, part: "value" });
        }
      }
    }
    if (hasValue) i++;
  }
}
