import { invocation } from "../../util/commands.js";
import { isIndirect, packageSpecs, runnerFor, type Runner } from "../../util/package-runners.js";
import { echo } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";

type Verdict =
  | { pinned: true }
  | { pinned: false; name: string; style: "version" | "git" | "image"; example: string };

const PINNED = { pinned: true } as const;
const EXACT_SEMVER = /^[=v]?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

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
    securitySeverity: 5.0,
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
