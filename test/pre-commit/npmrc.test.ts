import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoEnv, ROOT } from "./helpers.js";

/**
 * .npmrc turns the workspaces off only inside pre-commit's hook install (NODE_PATH = <clone>/node_env-<version>/lib/node_modules),
 * never in a checkout: a wrong guess there makes every `npm ci` install nothing.
 */
function npmConfig(key: string, env: Record<string, string>): string {
  const r = spawnSync("npm", ["config", "get", key], { cwd: ROOT, env, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim();
}

describe(".npmrc", () => {
  it("in a checkout (no NODE_PATH, or another one): workspaces stay on", () => {
    const env = repoEnv();
    delete env.NODE_PATH;
    expect(npmConfig("workspaces", env)).not.toBe("false");
    expect(npmConfig("globalconfig", env)).not.toBe(join(ROOT, ".pre-commit.npmrc"));
    expect(npmConfig("workspaces", { ...env, NODE_PATH: "/usr/lib/node_modules" })).not.toBe("false");
    // From a workspace's folder too (a relative path there once resolved to the repository's .pre-commit.npmrc).
    const packed = spawnSync("npm", ["pack", "--dry-run", "--json"], { cwd: join(ROOT, "packages/core"), env, encoding: "utf8" });
    expect(packed.status, packed.stderr).toBe(0);
  });

  it("inside pre-commit's install: the clone's .pre-commit.npmrc turns them off", () => {
    const env = { ...repoEnv(), NODE_PATH: join(ROOT, "node_env-system/lib/node_modules") };
    expect(npmConfig("globalconfig", env)).toBe(join(ROOT, ".pre-commit.npmrc"));
    expect(npmConfig("workspaces", env)).toBe("false");
  });
});
