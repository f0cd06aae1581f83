/** Package runners (npx, uvx, pipx, docker run…) and the package specs they install. */
import type { Located } from "../dialects/servers.js";

export type Kind = "npm" | "python" | "docker";

export interface Runner {
  /** How the runner is named in messages ("npx", "pnpm dlx"). */
  label: string;
  kind: Kind;
  /** Index of the first argument after the runner's subcommand words. */
  start: number;
  /** Options that take the next argument as their value. */
  valueOptions: ReadonlySet<string>;
  /** Options whose value is the package spec; when one is given the positional is a command name. */
  packageOptions: ReadonlySet<string>;
  /** Options after which there is no package positional at all (npx -c "cmd"). */
  noPositional?: ReadonlySet<string>;
}

const NPX_VALUE = new Set(["-p", "--package", "-c", "--call", "--registry", "--cache", "--userconfig", "-w", "--workspace", "--prefix", "--loglevel"]);
const NPX_PACKAGE = new Set(["-p", "--package"]);
const NPX_NO_POSITIONAL = new Set(["-c", "--call"]);
const PNPM_VALUE = new Set(["--package", "--allow-build", "-C", "--dir", "--reporter", "--registry"]);
const PNPM_PACKAGE = new Set(["--package"]);
const YARN_VALUE = new Set(["-p", "--package"]);
const BUN_VALUE = new Set(["-p", "--package", "--cwd", "--registry"]);
const UV_VALUE = new Set([
  "--from", "--with", "--with-editable", "--with-requirements", "-w", "--python", "-p", "--index", "--index-url", "-i",
  "--extra-index-url", "--default-index", "--find-links", "-f", "--constraints", "-c", "--overrides", "--build-constraints", "-b",
  "--env-file", "--cache-dir", "--directory", "--project", "--config-file", "--color", "--python-platform", "--index-strategy",
  "--keyring-provider", "--resolution", "--prerelease", "--exclude-newer", "--link-mode", "--refresh-package", "--reinstall-package",
  "--upgrade-package", "-P", "--no-build-package", "--no-binary-package", "--only-binary", "--config-setting", "-C", "--allow-insecure-host",
]);
const UV_PACKAGE = new Set(["--from"]);
const PIPX_VALUE = new Set(["--spec", "--python", "--index-url", "-i", "--pip-args", "--backend", "--fetch-python"]);
const PIPX_PACKAGE = new Set(["--spec"]);
const DOCKER_VALUE = new Set([
  "-a", "--attach", "--add-host", "--annotation", "--blkio-weight", "--cap-add", "--cap-drop", "--cgroup-parent", "--cgroupns",
  "--cidfile", "-c", "--cpu-shares", "--cpus", "--cpuset-cpus", "--cpuset-mems", "--device", "--dns", "--dns-option", "--dns-search",
  "--domainname", "--entrypoint", "-e", "--env", "--env-file", "--expose", "--gpus", "--group-add", "--health-cmd", "--health-interval",
  "--health-retries", "--health-start-period", "--health-timeout", "-h", "--hostname", "--ip", "--ip6", "--ipc", "--isolation",
  "-l", "--label", "--label-file", "--link", "--log-driver", "--log-opt", "--mac-address", "-m", "--memory", "--memory-reservation",
  "--memory-swap", "--mount", "--name", "--network", "--net", "--network-alias", "--pid", "--pids-limit", "--platform", "-p",
  "--publish", "--pull", "--restart", "--runtime", "--security-opt", "--shm-size", "--stop-signal", "--stop-timeout", "--storage-opt",
  "--sysctl", "--tmpfs", "--ulimit", "-u", "--user", "--userns", "--uts", "-v", "--volume", "--volume-driver", "--volumes-from",
  "-w", "--workdir", "--env-host", "--secret", "--userns-remap",
]);
const NONE = new Set<string>();

export function runnerFor(program: string, args: Array<{ value: string }>): Runner | undefined {
  const a0 = args[0]?.value;
  const a1 = args[1]?.value;
  switch (program) {
    case "npx":
      return { label: "npx", kind: "npm", start: 0, valueOptions: NPX_VALUE, packageOptions: NPX_PACKAGE, noPositional: NPX_NO_POSITIONAL };
    case "npm":
      if (a0 === "exec" || a0 === "x") return { label: `npm ${a0}`, kind: "npm", start: 1, valueOptions: NPX_VALUE, packageOptions: NPX_PACKAGE, noPositional: NPX_NO_POSITIONAL };
      return undefined;
    case "pnpx":
      return { label: "pnpx", kind: "npm", start: 0, valueOptions: PNPM_VALUE, packageOptions: PNPM_PACKAGE };
    case "pnpm":
      return a0 === "dlx" ? { label: "pnpm dlx", kind: "npm", start: 1, valueOptions: PNPM_VALUE, packageOptions: PNPM_PACKAGE } : undefined;
    case "yarn":
      return a0 === "dlx" ? { label: "yarn dlx", kind: "npm", start: 1, valueOptions: YARN_VALUE, packageOptions: YARN_VALUE } : undefined;
    case "bunx":
      return { label: "bunx", kind: "npm", start: 0, valueOptions: BUN_VALUE, packageOptions: YARN_VALUE };
    case "bun":
      return a0 === "x" ? { label: "bun x", kind: "npm", start: 1, valueOptions: BUN_VALUE, packageOptions: YARN_VALUE } : undefined;
    case "uvx":
      return { label: "uvx", kind: "python", start: 0, valueOptions: UV_VALUE, packageOptions: UV_PACKAGE };
    case "uv":
      return a0 === "tool" && a1 === "run" ? { label: "uv tool run", kind: "python", start: 2, valueOptions: UV_VALUE, packageOptions: UV_PACKAGE } : undefined;
    case "pipx":
      return a0 === "run" ? { label: "pipx run", kind: "python", start: 1, valueOptions: PIPX_VALUE, packageOptions: PIPX_PACKAGE } : undefined;
    case "docker":
    case "podman":
      if (a0 === "run") return { label: `${program} run`, kind: "docker", start: 1, valueOptions: DOCKER_VALUE, packageOptions: NONE };
      if (a0 === "container" && a1 === "run") return { label: `${program} run`, kind: "docker", start: 2, valueOptions: DOCKER_VALUE, packageOptions: NONE };
      return undefined;
    default:
      return undefined;
  }
}

export interface Spec {
  text: string;
  pointer: string;
}

/** The package specs a runner invocation installs. */
export function packageSpecs(runner: Runner, args: Located<string>[]): Spec[] {
  const fromOptions: Spec[] = [];
  let positional: Located<string> | undefined;
  let noPositional = false;
  for (let i = runner.start; i < args.length; i++) {
    const arg = args[i]!;
    const a = arg.value;
    if (a === "--") {
      positional = args[i + 1];
      break;
    }
    if (a.startsWith("-") && a.length > 1) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (runner.noPositional?.has(name)) noPositional = true;
      if (runner.packageOptions.has(name)) {
        if (eq > 0) fromOptions.push({ text: a.slice(eq + 1), pointer: arg.pointer });
        else if (args[i + 1]) fromOptions.push({ text: args[i + 1]!.value, pointer: args[i + 1]!.pointer });
      }
      if (eq < 0 && runner.valueOptions.has(name)) i++;
      continue;
    }
    positional = arg;
    break;
  }
  if (fromOptions.length > 0) return fromOptions;
  if (noPositional || !positional) return [];
  return [{ text: positional.value, pointer: positional.pointer }];
}

/** A spec that is a placeholder (`${PKG}`, `<package>`), not a package name. */
export function isIndirect(spec: string): boolean {
  return /\$\{|\{env:|\$[A-Za-z_]|\{\{/.test(spec) || /^<[^>]*>$/.test(spec);
}

