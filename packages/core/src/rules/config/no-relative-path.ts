import { getDialect } from "../../dialects/index.js";
import type { Dialect } from "../../dialects/types.js";
import { quote, replaceValue } from "../../document/edits.js";
import type { Located } from "../../dialects/servers.js";
import { echo } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";

/** Script, data and config files: a bare name ending like this is a file in the working directory. */
const FILE_EXTENSION =
  /\.(js|mjs|cjs|ts|mts|cts|jsx|tsx|py|pyw|pyz|rb|php|pl|lua|jar|war|sh|bash|zsh|ps1|json|jsonc|ya?ml|toml|ini|cfg|conf|env|txt|csv|db|sqlite3?|duckdb|wasm|dll|so|dylib|md)$/i;

/** First path segments that are directories of a project, not the owner part of `owner/repo` or a Docker image. */
const PROJECT_DIRS = /^(src|lib|dist|build|out|bin|scripts?|servers?|tools?|target|node_modules|vendor|app|apps|packages|data|config|mcp-server)$/i;

/** Options that set the directory later relative arguments are resolved against (`uv --directory /abs run server.py`). */
/**
 * Clients whose servers cannot start in a project although the dialect cannot name their directory: their only
 * config file is user-level (Claude Desktop, Cline's global settings, Goose's ~/.config/goose/config.yaml), so there
 * is no project to be relative to. For the other "unknown" ones, whose files live in a project (Windsurf and its
 * copies, Kiro, Zed, Continue, Amazon Q), the claim was not verified, so relative paths are not reported (issue 12).
 */
const VERIFIED_ELSEWHERE = new Set(["claude-desktop", "cline", "goose"]);

const DIRECTORY_OPTIONS = new Set(["--directory", "--cwd", "--project", "--prefix", "-C", "--working-directory", "--workdir", "--chdir"]);

function isPlaceholder(s: string): boolean {
  return /\$\{|\$\{\{|\{env:|\{file:|\$[A-Za-z_]|%[A-Za-z_][A-Za-z0-9_]*%/.test(s);
}

function isAbsolute(s: string): boolean {
  return s.startsWith("/") || s.startsWith("\\") || /^[A-Za-z]:[\\/]/.test(s);
}

/** `https://x`, `git+ssh://x`, `npm:pkg`, `github:owner/repo`, `file:x`: a URL or a package-manager specifier. */
function isUrlOrSpecifier(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]+:/.test(s);
}

/** A path a shell-less spawn resolves against the working directory. */
export function isRelativePath(s: string): boolean {
  if (s === "") return false;
  // Cheap first-character answers ("-y", "~/x", "/abs", "\\abs", "@scope/pkg"): the same verdicts as the checks below.
  const c = s.charCodeAt(0);
  if (c === 45 /* - */ || c === 126 /* ~ */ || c === 47 /* / */ || c === 92 /* \ */ || c === 64 /* @ */) return false;
  if (isAbsolute(s) || isUrlOrSpecifier(s) || isPlaceholder(s)) return false;
  if (/\s/.test(s) && !/[\\/]/.test(s)) return false; // words, not a path
  if (s === "." || s === ".." || /^\.{1,2}[\\/]/.test(s)) return true;
  // npm specs: @scope/pkg, pkg@1.2.3, @scope/pkg@latest
  if (/^[A-Za-z0-9._-]+@/.test(s)) return false;
  const segments = s.split(/[\\/]/).filter((x) => x !== "");
  const last = segments[segments.length - 1] ?? "";
  if (segments.length > 1) {
    // `.venv/bin/python`, `build/index.js`, `src/main.ts`; not `mcp/fetch` or `owner/repo`.
    return segments[0]!.startsWith(".") || PROJECT_DIRS.test(segments[0]!) || FILE_EXTENSION.test(last);
  }
  // `server.py`, `.env`, `feeds.toml`; not `mcp-server-git` or `example.com`.
  return FILE_EXTENSION.test(s) || /^\.[A-Za-z0-9_]/.test(s);
}

/** `~`, `~/x`, `~\x`: a home path no client expands. */
function tildePath(s: string): boolean {
  return s.charCodeAt(0) === 126 && (s.length === 1 || s[1] === "/" || s[1] === "\\");
}

/** The path part of an argument: the whole argument, or the value of `--opt=value`. */
function pathPart(arg: string): { path: string; offset: number } {
  const eq = arg.charCodeAt(0) === 45 ? /^--?[A-Za-z0-9][A-Za-z0-9_.-]*=/.exec(arg) : null;
  return eq ? { path: arg.slice(eq[0].length), offset: eq[0].length } : { path: arg, offset: 0 };
}

function expands(dialect: Dialect, placeholder: string): boolean {
  return dialect.variables.expands.some((re) => re.test(placeholder));
}

interface DialectFacts {
  workspaceFolder: boolean;
  homeVariable: string | undefined;
  checkRelative: boolean;
  where: string;
  relativeAdvice: string;
  tildeAdvice: string;
}

function computeDialectFacts(dialect: Dialect): DialectFacts {
  const workspaceFolder = expands(dialect, "${workspaceFolder}");
  // `${VAR}` clients (Claude Code, Gemini) would read `${userHome}` as an environment variable: probe with a made-up name.
  const envBraces = expands(dialect, "${MCP_LINT_PROBE}");
  const homeVariable = envBraces ? "${HOME}" : ["${userHome}", "${env:HOME}"].find((v) => expands(dialect, v));
  // Relative paths are reported only where the client is known to start servers elsewhere: not in the project
  // (Claude Code, VS Code, …), not where Codex was launched, and not for files of no known client ("generic").
  const checkRelative = dialect.cwd === "home" || (dialect.cwd === "unknown" && VERIFIED_ELSEWHERE.has(dialect.id));
  const where = dialect.cwd === "home" ? "the user's home directory" : "a directory that is not your project";
  const advice = [
    "Use an absolute path",
    ...(dialect.keys.cwd ? [`set "${dialect.keys.cwd}" to the project directory`] : []),
    ...(workspaceFolder ? ["start the path with ${workspaceFolder}/"] : []),
  ];
  const relativeAdvice = advice.length === 1 ? `${advice[0]}.` : `${advice.slice(0, -1).join(", ")} or ${advice[advice.length - 1]}.`;
  const tildeAdvice = homeVariable ? `Use the absolute path or ${homeVariable} instead of "~".` : 'Use the absolute path instead of "~".';
  return { workspaceFolder, homeVariable, checkRelative, where, relativeAdvice, tildeAdvice };
}

/** Facts of the built-in dialects, worked out once (a dialect object passed in by a caller is read afresh each time). */
const factsByDialect = new Map<string, { dialect: Dialect; facts: DialectFacts }>();

function dialectFacts(dialect: Dialect): DialectFacts {
  const hit = factsByDialect.get(dialect.id);
  if (hit && hit.dialect === dialect) return hit.facts;
  const facts = computeDialectFacts(dialect);
  if (getDialect(dialect.id) === dialect) factsByDialect.set(dialect.id, { dialect, facts });
  return facts;
}

export const noRelativePath = defineConfigRule({
  meta: {
    id: "no-relative-path",
    description: "Paths in command and args must not depend on a working directory the client does not set, nor on `~`",
    severity: "warning",
    recommended: true,
    hasSuggestions: true,
    messages: {
      relative:
        "{{client}} starts stdio servers in {{where}}, so the relative path {{value}} does not point into your project. {{advice}}",
      tilde:
        "{{client}} starts servers without a shell, so {{value}} reaches the server with a literal \"~\" and the path does not exist. {{advice}}",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    const { workspaceFolder, homeVariable, checkRelative, where, relativeAdvice, tildeAdvice } = dialectFacts(dialect);

    for (const entry of servers) {
      if (entry.kind === "other") continue;
      const values: Located<string>[] = [];
      if (entry.command && typeof entry.command.value === "string") values.push(entry.command as Located<string>);
      const args = entry.args.filter((a): a is Located<string> => typeof a.value === "string");
      if (entry.cwd && typeof entry.cwd.value === "string" && tildePath(entry.cwd.value)) values.push(entry.cwd as Located<string>);

      let relativeOk = !checkRelative || entry.cwd !== undefined;
      const visit = (item: Located<string>, isArg: boolean): void => {
        const { path, offset } = isArg ? pathPart(item.value) : { path: item.value, offset: 0 };
        if (tildePath(path)) {
          const replacement = homeVariable === "${userHome}" ? item.value.slice(0, offset) + "${userHome}" + path.slice(1) : undefined;
          const fix = replacement !== undefined ? replaceValue(document, item.pointer, quote(replacement)) : undefined;
          report({
            messageId: "tilde",
            data: { client: dialect.client, value: echo(item.value, "this path"), advice: tildeAdvice },
            pointer: item.pointer,
            part: "value",
            ...(fix ? { suggestions: [{ desc: 'Replace "~" with ${userHome}', fix }] } : {}),
          });
          return;
        }
        if (relativeOk || !isRelativePath(path)) return;
        const suggestion =
          workspaceFolder && path !== ".." && !path.startsWith("../") && !path.startsWith("..\\")
            ? item.value.slice(0, offset) + "${workspaceFolder}" + (path === "." ? "" : "/" + path.replace(/^\.[\\/]/, ""))
            : undefined;
        const fix = suggestion !== undefined ? replaceValue(document, item.pointer, quote(suggestion)) : undefined;
        report({
          messageId: "relative",
          data: { client: dialect.client, where, value: echo(item.value, "this path"), advice: relativeAdvice },
          pointer: item.pointer,
          part: "value",
          ...(fix ? { suggestions: [{ desc: "Resolve the path against ${workspaceFolder}", fix }] } : {}),
        });
      };

      for (const v of values) visit(v, false);
      // After `--directory <dir>`, relative arguments are resolved against <dir> (itself still checked).
      let directoryNext = false;
      for (const arg of args) {
        visit(arg, true);
        if (directoryNext) relativeOk = true;
        directoryNext = false;
        // `--directory dir` / `--directory=dir` (every directory option starts with "-").
        if (arg.value.charCodeAt(0) === 45) {
          const eq = arg.value.indexOf("=");
          if (DIRECTORY_OPTIONS.has(eq < 0 ? arg.value : arg.value.slice(0, eq))) {
            if (eq < 0) directoryNext = true;
            else relativeOk = true;
          }
        }
      }
    }
  },
});
