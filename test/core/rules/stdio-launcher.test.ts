import { describe, expect, it } from "vitest";
import { lintRule, suggested } from "../helpers.js";

const lint = (text: string, file = ".cursor/mcp.json") => lintRule("stdio-launcher", file, text);
const server = (command: string, args: string[], extra = "") => `{"mcpServers": {"s": {"command": ${JSON.stringify(command)}, "args": ${JSON.stringify(args)}${extra}}}}`;

describe("stdio-launcher", () => {
  it("reports docker run without -i: the container gets no stdin", () => {
    const text = server("docker", ["run", "--rm", "mcp/fetch"]);
    const findings = lint(text);
    expect(findings.map((f) => [f.pointer, f.severity])).toEqual([["/mcpServers/s/args/0", "error"]]);
    expect(findings[0]!.message).toMatch(/without -i/);
    expect(suggested(text, findings[0]!)).toBe(text.replace(`"run",`, `"run","-i", `));
  });

  it("accepts docker run with -i in any spelling, and other docker commands", () => {
    for (const args of [["run", "-i", "--rm", "img"], ["run", "--rm", "-it", "img"], ["run", "-ti", "img"], ["run", "--interactive", "img"], ["run", "--interactive=true", "img"], ["container", "run", "-i", "img"], ["compose", "run", "svc"], ["exec", "box", "srv"], ["run", "${DOCKER_FLAGS}", "img"]]) {
      expect(lint(server("docker", args)), args.join(" ")).toEqual([]);
    }
    expect(lint(server("podman", ["run", "--rm", "img"]))).toHaveLength(1);
    expect(lint(server("cmd", ["/c", "docker", "run", "img"]))).toHaveLength(1);
  });

  it("reports npm run / npm start without -s: npm's banner goes to stdout first", () => {
    for (const args of [["run", "mcp"], ["start"], ["--prefix", "/srv/app", "run", "serve"], ["run-script", "mcp"], ["start", "--", "-s"]]) {
      const findings = lint(server("npm", args));
      expect(findings.map((f) => f.severity), args.join(" ")).toEqual(["warning"]);
      expect(findings[0]!.message).toMatch(/banner/);
    }
  });

  it("accepts npm with --silent / -s / --loglevel silent / npm_config_loglevel=silent, and npm exec", () => {
    for (const args of [["run", "-s", "mcp"], ["-s", "start"], ["start", "--silent"], ["--loglevel", "silent", "run", "x"], ["--loglevel=silent", "start"], ["exec", "pkg"], ["install"]]) {
      expect(lint(server("npm", args)), args.join(" ")).toEqual([]);
    }
    expect(lint(server("npm", ["start"], `, "env": {"npm_config_loglevel": "silent"}`))).toEqual([]);
    expect(lint(server("npm", ["start"], `, "disabled": true`))).toEqual([]);
  });

  it("reads opencode's command array", () => {
    expect(lint(`{"mcp": {"s": {"type": "local", "command": ["docker", "run", "img"]}}}`, "opencode.json")).toHaveLength(1);
  });
});

describe("stdio-launcher: a colon where npm wants @ (npx pkg:latest)", () => {
  it("reports name:tag as the npx package, with a suggestion to write name@tag", () => {
    for (const spec of ["mcp-server-x:latest", "@upstash/context7-mcp:latest", "pkg:1.2.3"]) {
      const text = server("npx", ["-y", spec]);
      const findings = lint(text);
      expect(findings.map((f) => [f.pointer, f.severity]), spec).toEqual([["/mcpServers/s/args/1", "error"]]);
      expect(suggested(text, findings[0]!)).toBe(text.replace(spec, spec.replace(/:(?=[^:]*$)/, "@")));
    }
  });

  it("accepts protocols npm knows, paths, and name@tag", () => {
    for (const spec of ["npm:pkg@1", "github:user/repo", "file:../x", "git+https://h/r.git", "pkg@latest", "C:pkg", "https://h/x.tgz", "workspace:pkg"]) {
      expect(lint(server("npx", ["-y", spec])), spec).toEqual([]);
    }
    // The server's own arguments after the package are not npm's business.
    expect(lint(server("npx", ["-y", "pkg@1", "host:port"]))).toEqual([]);
  });
});
