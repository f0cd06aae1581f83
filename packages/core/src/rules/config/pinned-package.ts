import type { Located } from "../../dialects/servers.js";
import { invocation } from "../../util/commands.js";
import { echo } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";

type Kind = "npm" | "python" | "docker";

interface Runner {
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

function runnerFor(program: string, args: Array<{ value: string }>): Runner | undefined {
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

interface Spec {
  text: string;
  pointer: string;
}

/** The package specs a runner invocation installs. */
function packageSpecs(runner: Runner, args: Located<string>[]): Spec[] {
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

type Verdict =
  | { pinned: true }
  | { pinned: false; name: string; style: "version" | "git" | "image"; example: string };

const PINNED = { pinned: true } as const;
const EXACT_SEMVER = /^[=v]?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function isIndirect(spec: string): boolean {
  return /\$\{|\{env:|\$[A-Za-z_]|\{\{/.test(spec) || /^<[^>]*>$/.test(spec);
}

function npmVerdict(spec: string): Verdict {
  let s = spec.startsWith("npm:") ? spec.slice(4) : spec;
  if (/^(\.|\/|~|[A-Za-z]:[\\/]|file:|https?:)/.test(s)) return PINNED; // local paths and tarballs: not from the registry
  const git = /^(git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(s) || (/^[A-Za-z0-9][\w.-]*\/[\w.-]+(#.*)?$/.test(s) && !s.startsWith("@"));
  if (git) {
    const hash = s.indexOf("#");
    if (hash >= 0 && s.length > hash + 1) return PINNED;
    return { pinned: false, name: s, style: "git", example: `${s}#<commit>` };
  }
  s = s.trim();
  const at = s.indexOf("@", s.startsWith("@") ? 1 : 0);
  const name = at > 0 ? s.slice(0, at) : s;
  const version = at > 0 ? s.slice(at + 1) : undefined;
  if (version !== undefined && EXACT_SEMVER.test(version)) return PINNED;
  return { pinned: false, name, style: "version", example: `${name}@1.2.3` };
}

const PY_NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/s;

function pythonVerdict(spec: string): Verdict {
  if (/^(\.|\/|~|[A-Za-z]:[\\/]|file:|https?:)/.test(spec)) return PINNED;
  if (/^git\+/.test(spec)) {
    const ref = /@[^/@]+$/.test(spec.replace(/^git\+[a-z]+:\/\/[^/]*@/, ""));
    return ref ? PINNED : { pinned: false, name: spec, style: "git", example: `${spec}@<commit>` };
  }
  const m = PY_NAME.exec(spec.trim());
  if (!m) return PINNED;
  const name = m[1]! + (m[2] ?? "");
  const rest = m[3]!.split(";")[0]!.trim();
  const exact = /^(===?\s*[0-9A-Za-z.+!-]+|@\s*v?\d[0-9A-Za-z.+!-]*)$/.test(rest) && !rest.includes("*");
  if (exact) return PINNED;
  return { pinned: false, name: m[1]!, style: "version", example: `${name}==1.2.3` };
}

function imageVerdict(spec: string): Verdict {
  if (spec.includes("@sha256:") || spec.includes("@sha512:")) return PINNED;
  const slash = spec.lastIndexOf("/");
  const colon = spec.indexOf(":", slash + 1);
  const name = colon >= 0 ? spec.slice(0, colon) : spec;
  const tag = colon >= 0 ? spec.slice(colon + 1) : undefined;
  if (tag && tag !== "latest") return PINNED;
  return { pinned: false, name, style: "image", example: `${name}:1.2.3` };
}

/** `npx "pkg@latest"`, or a neutral phrase when the spec is not safe to quote. */
function describeSpec(runner: Runner, spec: string): string {
  const quoted = echo(spec, "");
  if (quoted) return `${runner.label} ${quoted}`;
  return runner.kind === "docker" ? `This ${runner.label} image` : `This ${runner.label} package`;
}

interface Options {
  ignore: string[];
}

export const pinnedPackage = defineConfigRule<"unpinned" | "unpinnedGit" | "unpinnedImage", Options>({
  meta: {
    id: "pinned-package",
    description: "Package runners (npx, uvx, docker run…) must run an exact, pinned version",
    severity: "warning",
    recommended: false,
    messages: {
      unpinned:
        "{{what}} installs whatever version is newest at start-up: pin an exact version (e.g. {{example}}) so an update cannot change or compromise the server without review.",
      unpinnedGit:
        "{{what}} runs whatever the repository's default branch holds at start-up: pin a commit or release tag (e.g. {{example}}) so an update cannot change or compromise the server without review.",
      unpinnedImage:
        '{{what}} runs whatever the image\'s "latest" tag points to at start-up: pin a version tag or a digest (e.g. {{example}} or …@sha256:…) so an update cannot change or compromise the server without review.',
    },
    schema: [
      {
        type: "object",
        properties: { ignore: { type: "array", items: { type: "string" }, uniqueItems: true } },
        additionalProperties: false,
      },
    ],
    defaultOptions: { ignore: [] },
  },
  check({ servers, options, report }) {
    const ignore = new Set(options.ignore ?? []);
    for (const entry of servers) {
      const run = invocation(entry);
      if (!run) continue;
      const runner = runnerFor(run.program, run.args);
      if (!runner) continue;
      for (const spec of packageSpecs(runner, run.args)) {
        if (spec.text.trim() === "" || isIndirect(spec.text)) continue;
        const verdict = runner.kind === "npm" ? npmVerdict(spec.text) : runner.kind === "python" ? pythonVerdict(spec.text) : imageVerdict(spec.text);
        if (verdict.pinned || ignore.has(verdict.name)) continue;
        const messageId = verdict.style === "git" ? "unpinnedGit" : verdict.style === "image" ? "unpinnedImage" : "unpinned";
        const fallbackExample = runner.kind === "docker" ? '"image:1.2.3"' : runner.kind === "python" ? '"pkg==1.2.3"' : '"pkg@1.2.3"';
        report({
          messageId,
          data: { what: describeSpec(runner, spec.text), example: echo(verdict.example, fallbackExample) },
          pointer: spec.pointer,
          part: "value",
        });
      }
    }
  },
});
