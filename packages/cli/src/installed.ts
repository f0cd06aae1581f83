import { homedir } from "node:os";
import { installedConfigCandidates, scanInstalled, type InstalledPlatform, type InstalledScan } from "@mcp-lint/core";

/** `--installed` (lint and probe): the user-level config files of the clients on this machine. */

export function currentPlatform(): InstalledPlatform {
  return process.platform === "darwin" || process.platform === "win32" ? process.platform : "linux";
}

/** The home folder as the environment names it (HOME, or USERPROFILE on Windows), else the OS's answer. */
export function homeOf(env: Record<string, string | undefined>, platform: InstalledPlatform): string {
  const named = platform === "win32" ? (env.USERPROFILE ?? env.HOME) : env.HOME;
  return named !== undefined && named !== "" ? named : homedir();
}

/** A path as shown on stderr: quoted as JSON when it holds control characters (a hostile link target's name). */
function shown(path: string): string {
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(path) ? JSON.stringify(path) : path;
}

/** What was found and what was not, for people (stderr, whatever the --format). */
export function inventoryText(scan: InstalledScan, prefix: string): string {
  const lines: string[] = [];
  const files = scan.found.filter((f) => f.kind === "file");
  lines.push(`${prefix}: ${files.length === 0 ? "no client config file found" : `${files.length} client config file${files.length === 1 ? "" : "s"} found`}:`);
  const width = Math.max(0, ...scan.found.map((f) => f.client.length));
  for (const f of scan.found) {
    const head = `  ${f.client.padEnd(width)}  ${shown(f.path)}`;
    if (f.kind === "file") lines.push(head);
    else if (f.kind === "link")
      lines.push(
        f.target === undefined
          ? `${head}  (a symbolic link that leads nowhere: not linted)`
          : `${head}  (a symbolic link to ${shown(f.target)}: not followed; lint it with mcp-lint --dialect ${f.dialect} ${JSON.stringify(f.target)})`,
      );
    else lines.push(`${head}  (not a regular file: not linted)`);
  }
  if (scan.missing.length > 0) lines.push(`  No config file for: ${scan.missing.join(", ")}.`);
  return lines.join("\n") + "\n";
}

/** Finds the installed configs for `env`, writes the inventory to stderr and returns the regular files to check. */
export function installedFiles(env: Record<string, string | undefined>, stderr: { write(text: string): unknown }, prefix: string): string[] {
  const platform = currentPlatform();
  const scan = scanInstalled(installedConfigCandidates({ platform, env, homedir: homeOf(env, platform) }));
  stderr.write(inventoryText(scan, prefix));
  return scan.found.filter((f) => f.kind === "file").map((f) => f.path);
}
