import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The fenced block between `<!-- name-start -->` and `<!-- name-end -->` in README.md. */
export function readmeBlock(name: string): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const m = new RegExp(`<!-- ${name}-start -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\`\\n<!-- ${name}-end -->`).exec(readme);
  if (!m) throw new Error(`README.md has no ${name} block`);
  return m[1]!;
}

/**
 * The environment for a throwaway git repository: this process's, without the npm_* context of the `npm test` that
 * runs us, without the caller's GIT_* and HUSKY settings, with no user or system git config and a fixed identity.
 */
export function repoEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("npm_") && !k.startsWith("GIT_") && k !== "HUSKY") env[k] = v;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_AUTHOR_NAME: "t",
    GIT_AUTHOR_EMAIL: "t@example.com",
    GIT_COMMITTER_NAME: "t",
    GIT_COMMITTER_EMAIL: "t@example.com",
    ...extra,
  };
}

/** Runs a command to completion; stdout and stderr together, as a terminal shows them. */
export function runIn(cwd: string, env: Record<string, string>, command: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8" });
  return { status: r.status, output: r.stdout + r.stderr };
}
