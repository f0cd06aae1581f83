import { describe, expect, it } from "vitest";
import { lintRule, slice } from "../helpers.js";
import { breadth } from "../../../packages/core/src/rules/config/overbroad-access.js";

const lint = (file: string, text: string) => lintRule("overbroad-access", file, text, {});
const found = (command: string, args: string[]) => {
  const text = JSON.stringify({ mcpServers: { a: { command, args } } });
  return lint(".mcp.json", text).map((f) => [kind(f.message), JSON.parse(slice(text, f)) as string]);
};
/** Which check a message comes from. */
const kind = (message: string): string =>
  message.includes("credential folder")
    ? "credentialFolder"
    : message.startsWith("The filesystem server")
      ? "broadFolder"
      : message.includes("permission checks")
        ? "dangerousFlag"
        : message.includes("--privileged")
          ? "privileged"
          : message.includes("--network host")
            ? "hostNetwork"
            : message.includes("Docker socket")
              ? "dockerSocket"
              : message.includes("is mounted into")
                ? "broadMount"
                : message;
const FS = "@modelcontextprotocol/server-filesystem";

describe("overbroad-access", () => {
  it("reports the filesystem server given the whole disk, at that argument", () => {
    const text = `{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["-y", "${FS}", "/srv/data", "/"] }\n  }\n}`;
    const findings = lint(".mcp.json", text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.pointer, f.line, f.column, f.severity]).toEqual(["/mcpServers/fs/args/3", 3, 102, "warning"]);
    expect(f.message).toBe(
      'The filesystem server is given the whole disk ("/"): the model can read and write every file under it, credentials included. Give it only the folders it needs.',
    );
  });

  it("reports home folders, drive roots and credential folders given to the filesystem server", () => {
    for (const p of ["~", "/Users/alice", "/home/bob/", "C:\\", "D:/", "C:\\Users\\carol", "${userHome}", "${HOME}"]) {
      expect(found("npx", ["-y", `${FS}@2026.8.31`, p]).map((x) => x[1]), p).toEqual([p]);
    }
    expect(found("npx", ["-y", FS, "~/.ssh"])).toEqual([["credentialFolder", "~/.ssh"]]);
    expect(found("npx", ["-y", FS, "/Users/alice/.aws"])).toEqual([["credentialFolder", "/Users/alice/.aws"]]);
    expect(found("cmd", ["/c", "npx", "-y", FS, "C:\\Users\\carol\\.ssh"])).toEqual([["credentialFolder", "C:\\Users\\carol\\.ssh"]]);
  });

  it("does not report project folders, other servers' arguments or the package itself", () => {
    expect(found("npx", ["-y", FS, "/Users/alice/Desktop", "/home/bob/projects", "C:\\Users\\carol\\Documents", "."])).toEqual([]);
    expect(found("npx", ["-y", "some-other-server", "/"])).toEqual([]);
    expect(found("node", ["server.js", "~"])).toEqual([]);
    // Not expanded without a shell: the server gets the literal text, not the home folder.
    expect(found("npx", ["-y", FS, "$HOME", "%USERPROFILE%"])).toEqual([]);
  });

  it("reports flags that switch permission checks off by name", () => {
    expect(found("deno", ["run", "--allow-all", "server.ts"])).toEqual([["dangerousFlag", "--allow-all"]]);
    expect(found("npx", ["-y", "some-server@1.0.0", "--dangerously-skip-permissions"])).toEqual([["dangerousFlag", "--dangerously-skip-permissions"]]);
    expect(found("npx", ["-y", "some-server@1.0.0", "--allow-read=/tmp"])).toEqual([]);
  });

  it("reports docker --privileged, host network, the Docker socket and broad mounts, before the image only", () => {
    expect(
      found("docker", [
        "run", "-i", "--rm", "--privileged", "--network", "host", "-v", "/var/run/docker.sock:/var/run/docker.sock",
        "--mount", "type=bind,src=/,dst=/host", "-v", "/home/bob:/data:ro", "-v", "/home/bob/proj:/proj", "mcp/x:1.0", "--privileged",
      ]),
    ).toEqual([
      ["privileged", "--privileged"],
      ["hostNetwork", "host"],
      ["dockerSocket", "/var/run/docker.sock:/var/run/docker.sock"],
      ["broadMount", "type=bind,src=/,dst=/host"],
      ["broadMount", "/home/bob:/data:ro"],
    ]);
    expect(found("podman", ["run", "--net=host", "img:1"])).toEqual([["hostNetwork", "--net=host"]]);
    expect(found("docker", ["run", "-i", "--rm", "-e", "TOKEN", "-v", "/srv/data:/data", "ghcr.io/github/github-mcp-server:v1"])).toEqual([]);
  });

  it("classifies paths without following or reading them", () => {
    expect(breadth("/")).toBe("root");
    expect(breadth("~/.config/gcloud")).toBe("credentials");
    expect(breadth("/Users/alice/code")).toBeUndefined();
    expect(breadth("/".repeat(100_000))).toBeUndefined();
  });
});
