import { insertArrayItems, quote, replaceValue } from "../../document/edits.js";
import { invocation, npxPackageIndex } from "../../util/commands.js";
import { defineConfigRule } from "../types.js";

/** A value the client fills in (`${VAR}`, `{env:X}`): what it holds is not known here. */
const TEMPLATED = /[$%{]/;

/** `-i`, `-it`, `-ti`, `--interactive`, `--interactive=true`: docker's (and podman's) stdin flag. */
function isInteractiveFlag(a: string): boolean {
  return /^-[a-zA-Z]*i[a-zA-Z]*$/.test(a) || a === "--interactive" || /^--interactive=(true|1)$/i.test(a);
}

/**
 * `name:tag` where npm wants `name@tag`: npm 11 rejects `pkg:latest` (EINVALIDTAGNAME) and reads
 * `@scope/pkg:latest` as a folder path (ENOENT). Prefixes npm knows as protocols are not this.
 */
const COLON_TAG = /^((?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]+):([A-Za-z0-9][A-Za-z0-9._-]*)$/i;
const NPM_PROTOCOLS = new Set(["npm", "file", "git", "github", "gitlab", "bitbucket", "gist", "http", "https", "link", "workspace", "catalog", "portal", "patch", "jsr"]);

/** npm options that take the next argument as their value. */
const NPM_OPTIONS_WITH_VALUE = new Set(["--prefix", "-C", "--loglevel", "-w", "--workspace", "--userconfig", "--cache", "--registry"]);

export const stdioLauncher = defineConfigRule({
  meta: {
    id: "stdio-launcher",
    description: "A stdio server's launcher must start it and keep stdin and stdout for JSON-RPC (`docker run -i`, `npm run -s`, `npx pkg@tag`)",
    severity: "error",
    recommended: true,
    hasSuggestions: true,
    messages: {
      dockerNoStdin:
        '{{client}} talks to this server over stdin and stdout, but "{{program}} run" without -i (--interactive) does not pass stdin to the container: the server reads end-of-file at once and exits or never answers. Add "-i" after "run".',
      colonTag:
        '{{spec}} is not a package spec npm can install: npm wants "name@tag", and npm 11 fails on "name:tag" ({{failure}}), so {{client}} cannot start the server. Write {{fixed}}.',
      npmBanner:
        '"npm {{script}}" prints its "> package@version script" banner to stdout before the server starts (npm 11 does): {{client}} reads those lines as JSON-RPC messages and reports parse errors. Add "-s" (--silent) to the npm options, or run the server\'s program directly.',
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, servers, report }) {
    for (const entry of servers) {
      if (entry.kind !== "stdio" || entry.disabled) continue;
      const inv = invocation(entry);
      if (!inv) continue;
      const args = inv.args.map((a) => a.value);
      if (args.some((a) => TEMPLATED.test(a))) continue;

      if (inv.program === "docker" || inv.program === "podman") {
        const run = args[0] === "run" ? 0 : args[0] === "container" && args[1] === "run" ? 1 : -1;
        if (run < 0 || args.some(isInteractiveFlag)) continue;
        const at = inv.args[run]!;
        const fix = entry.argsPointer ? insertArrayItems(document, entry.argsPointer, entry.argsOffset + inv.argsStart + run + 1, ["-i"]) : undefined;
        report({
          messageId: "dockerNoStdin",
          data: { client: dialect.client, program: inv.program },
          pointer: at.pointer,
          part: "value",
          maxSeverity: "error",
          ...(fix ? { suggestions: [{ desc: 'Add "-i" after "run"', fix }] } : {}),
        });
        continue;
      }

      if (inv.program === "npx") {
        const i = npxPackageIndex(inv.args);
        const spec = i >= 0 ? inv.args[i]! : undefined;
        const m = spec ? COLON_TAG.exec(spec.value) : null;
        if (!spec || !m || NPM_PROTOCOLS.has(m[1]!.toLowerCase())) continue;
        const fixed = `${m[1]}@${m[2]}`;
        const fix = replaceValue(document, spec.pointer, quote(fixed));
        report({
          messageId: "colonTag",
          data: {
            client: dialect.client,
            spec: JSON.stringify(spec.value),
            fixed: JSON.stringify(fixed),
            failure: spec.value.startsWith("@") ? "it reads it as a folder path, ENOENT" : "EINVALIDTAGNAME",
          },
          pointer: spec.pointer,
          part: "value",
          maxSeverity: "error",
          ...(fix ? { suggestions: [{ desc: `Write ${JSON.stringify(fixed)}`, fix }] } : {}),
        });
        continue;
      }

      if (inv.program === "npm") {
        let command: { index: number; value: string } | undefined;
        let silent = false;
        for (let i = 0; i < args.length; i++) {
          const a = args[i]!;
          if (a === "--") break; // what follows goes to the script, not to npm
          if (a === "-s" || a === "--silent" || a === "--loglevel=silent" || (a === "--loglevel" && args[i + 1] === "silent")) silent = true;
          if (NPM_OPTIONS_WITH_VALUE.has(a)) i++;
          else if (!a.startsWith("-") && !command) command = { index: i, value: a };
        }
        if (silent || !command || !["run", "run-script", "start"].includes(command.value)) continue;
        if (entry.env.some((e) => e.name.toLowerCase() === "npm_config_loglevel" && e.value === "silent")) continue;
        const script = command.value === "start" ? "start" : `${command.value} ${args[command.index + 1] ?? ""}`.trim();
        report({
          messageId: "npmBanner",
          data: { client: dialect.client, script: script.length <= 60 ? script : command.value },
          pointer: inv.args[command.index]!.pointer,
          part: "value",
          // The server may still work after the client's parse errors: likely wrong, not a certain failure.
          maxSeverity: "warning",
        });
      }
    }
  },
});
