import { programName } from "../../util/commands.js";
import { defineConfigRule } from "../types.js";

/** Shells whose script argument (`-c`, `/c`, `-Command`) is run as code. */
const SHELLS = new Set(["sh", "bash", "zsh", "dash", "ksh", "fish", "cmd", "powershell", "pwsh"]);

const FETCH = String.raw`(?:curl|wget|fetch|iwr|irm|invoke-webrequest|invoke-restmethod)\b`;
const INTERPRETER = String.raw`(?:sudo\s+(?:-\S+\s+)*)?(?:[a-z]*sh|python[0-9.]*|node|perl|ruby|php|iex|invoke-expression)\b`;

/**
 * A script downloaded and run in one go: `curl … | sh`, `wget -O- … | bash`, `bash <(curl …)`,
 * `sh -c "$(curl …)"`, `iwr … | iex`, `iex (irm …)`, `iex ((New-Object Net.WebClient).DownloadString(…))`.
 * Bounded: only the first 4,096 characters of each value are looked at.
 */
const REMOTE_SCRIPT = new RegExp(
  [
    String.raw`\b${FETCH}[^|;&\n]{0,2000}\|\s*${INTERPRETER}`,
    String.raw`<\(\s*${FETCH}`,
    String.raw`\$\(\s*${FETCH}`,
    String.raw`` + "`" + String.raw`\s*${FETCH}`,
    String.raw`\b(?:iex|invoke-expression)\s*\(+\s*(?:${FETCH}|new-object\s+(?:system\.)?net\.webclient)`,
    String.raw`\.downloadstring\s*\([^)]{0,2000}\)\s*\|\s*(?:iex|invoke-expression)\b`,
  ].join("|"),
  "i",
);

const MAX_SCAN = 4096;

/** True when the text downloads a script and runs it. */
export function isRemoteScript(text: string): boolean {
  return REMOTE_SCRIPT.test(text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text);
}

export const remoteScriptCommand = defineConfigRule<"remoteScript", Record<string, never>>({
  meta: {
    id: "remote-script-command",
    description: "A server must not be started by downloading a script and running it (curl | sh)",
    severity: "warning",
    recommended: true,
    securitySeverity: 8.0,
    messages: {
      remoteScript:
        "This server downloads a script and runs it at every start-up (curl | sh and the like): whoever controls that URL, or the network on the way, runs code on this machine unreviewed and unpinned. Install the server once from a package with a pinned version and run it directly.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ servers, report }) {
    for (const entry of servers) {
      const command = entry.command;
      if (!command || typeof command.value !== "string") continue;
      // A whole command line in `command` ("curl … | sh"), or a shell given a script argument.
      if (isRemoteScript(command.value)) {
        report({ messageId: "remoteScript", pointer: command.pointer, part: "value" });
        continue;
      }
      let program = programName(command.value);
      let i = 0;
      if (program === "cmd" || program === "env") {
        // `cmd /c bash -c "…"`, `env bash -c "…"`: the shell named after the wrapper.
        const next = entry.args.findIndex((a, k) => typeof a.value === "string" && !a.value.startsWith("-") && !/^\/c$/i.test(a.value) && k < 4);
        if (program === "env" && next >= 0) {
          program = programName(entry.args[next]!.value as string);
          i = next + 1;
        }
      }
      if (!SHELLS.has(program)) continue;
      for (; i < entry.args.length && i < 256; i++) {
        const arg = entry.args[i]!;
        if (typeof arg.value !== "string") break;
        if (isRemoteScript(arg.value)) {
          report({ messageId: "remoteScript", pointer: arg.pointer, part: "value" });
          break;
        }
      }
    }
  },
});
