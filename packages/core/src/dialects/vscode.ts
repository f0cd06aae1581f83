import schema from "../schemas/vscode.schema.json" with { type: "json" };
import { hasServerMap, pathEndsWith, vscodeFamilyVariables } from "./shared.js";
import type { Dialect } from "./types.js";

const predefined =
  /^\$\{(workspaceFolder(:[^}]+)?|workspaceFolderBasename|userHome|pathSeparator|\/|cwd|execPath|file|fileWorkspaceFolder|relativeFile|relativeFileDirname|fileBasename|fileBasenameNoExtension|fileExtname|fileDirname|fileDirnameBasename|lineNumber|selectedText|defaultBuildTask|(env|config|command|input):[^}]+)\}$/;

export const vscode: Dialect = {
  id: "vscode",
  client: "VS Code",
  docsUrl: "https://code.visualstudio.com/docs/copilot/reference/mcp-configuration",
  format: "json",
  comments: true,
  trailingCommas: true,
  paths: [pathEndsWith("\\.vscode/mcp\\.json"), pathEndsWith("code( - insiders)?/user/(profiles/[^/]+/)?mcp\\.json")],
  sniff: (v) => hasServerMap(v, "servers"),
  schema,
  servers: { kind: "map", pointers: ["/servers"] },
  rootKeys: ["servers"],
  inputsPointer: "/inputs",
  keys: { command: "command", args: "args", env: "env", headers: "headers", cwd: "cwd", type: "type", url: ["url"] },
  types: { stdio: "stdio", http: "http", sse: "sse" },
  canonicalType: { stdio: "stdio", http: "http", sse: "sse" },
  urlDefault: "http",
  transports: ["stdio", "http", "sse"],
  variables: { expands: [...vscodeFamilyVariables, predefined], env: (n) => `\${env:${n}}`, describe: "${env:NAME}, ${input:id}, ${workspaceFolder}" },
  cwd: "project",
};
