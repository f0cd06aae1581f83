import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readInputs } from "../../packages/action/src/inputs.js";
import { ROOT } from "./helpers.js";

interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required: boolean; default: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  if?: string;
}

interface Workflow {
  jobs: Record<string, { permissions?: Record<string, string>; strategy?: { matrix?: Record<string, unknown> }; steps: Step[] }>;
}

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const action = parse(read("action.yml")) as ActionYml;
const INPUTS = ["working-directory", "paths", "config", "fail-on", "annotations", "summary", "sarif-file", "only-changed", "format", "probe"];
const OUTPUTS = ["errors", "warnings", "sarif-file", "servers-failed"];

type Lint = (dir?: string) => Promise<{ files: number; problems: Array<{ file: string; line: number; column: number; kind: string; message: string }> }>;
const { lintWorkflows } = (await import(pathToFileURL(join(ROOT, "scripts/lint-workflows.mjs")).href)) as { lintWorkflows: Lint };

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** The section between the action markers in the root README. */
function readmeSection(): string {
  const readme = read("README.md");
  const start = readme.indexOf("<!-- action-start -->");
  const end = readme.indexOf("<!-- action-end -->");
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  expect(readme.slice(end).indexOf("## Benchmarks")).toBeGreaterThan(0);
  return readme.slice(start, end);
}

const readmeWorkflows = () => [...readmeSection().matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("action.yml", () => {
  it("runs dist/index.js on node24, with branding", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
    expect(action.description.length).toBeGreaterThan(20);
  });

  it("documents every input and output the code reads and writes", () => {
    expect(Object.keys(action.inputs)).toEqual(INPUTS);
    expect(Object.keys(action.outputs)).toEqual(OUTPUTS);
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description.length, name).toBeGreaterThan(30);
      expect(input.required, name).toBe(false);
    }
    for (const output of Object.values(action.outputs)) expect(output.description.length).toBeGreaterThan(10);
    const inputsSource = read("packages/action/src/inputs.ts");
    const read_ = new Set([...inputsSource.matchAll(/get(?:, )?\(?"([a-z-]+)"/g)].map((m) => m[1]!));
    for (const m of inputsSource.matchAll(/booleanInput\(get, "([a-z-]+)"/g)) read_.add(m[1]!);
    expect([...read_].sort()).toEqual([...INPUTS].sort());
    const written = [...read("packages/action/src/main.ts").matchAll(/setOutput\("([a-z-]+)"/g)].map((m) => m[1]);
    expect(written).toEqual(OUTPUTS);
  });

  it("has the defaults the code applies when an input is unset", () => {
    const defaults = readInputs((name) => action.inputs[name]!.default);
    expect(defaults).toEqual(readInputs(() => ""));
    expect(defaults).toEqual({ paths: ["."], failOn: "error", annotations: true, summary: true, onlyChanged: false, format: "stylish", probe: false });
  });
});

describe("README", () => {
  it("has copy-paste workflows for annotations, SARIF upload and only-changed, and a table of every input and output", () => {
    const section = readmeSection();
    for (const name of [...INPUTS, ...OUTPUTS]) expect(section).toMatch(new RegExp(`^\\| \`${name}\` \\|`, "m"));
    const workflows = readmeWorkflows().map((w) => parse(w) as Workflow);
    expect(workflows).toHaveLength(3);
    const steps = workflows.map((w) => Object.values(w.jobs)[0]!);
    const ours = (job: { steps: Step[] }) => job.steps.find((s) => s.uses === "mcp-lint/mcp-lint@v1")!;
    for (const job of steps) for (const key of Object.keys(ours(job).with ?? {})) expect(INPUTS).toContain(key);
    const upload = steps[1]!.steps.find((s) => s.uses === "github/codeql-action/upload-sarif@v4")!;
    expect(upload.if).toMatch(/always\(\)/);
    expect(steps[1]!.permissions).toMatchObject({ "security-events": "write" });
    expect(ours(steps[1]!).with).toMatchObject({ "sarif-file": expect.any(String) });
    expect(ours(steps[2]!).with).toMatchObject({ "only-changed": true });
    expect(steps[2]!.steps[0]!.with).toMatchObject({ "fetch-depth": 0 });
    expect(section).toContain("pull_request_target");
  });

  it("workflows pass actionlint", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mcp-lint-readme-workflows-"));
    temps.push(dir);
    readmeWorkflows().forEach((w, i) => writeFileSync(join(dir, `readme-${i}.yml`), w));
    const { files, problems } = await lintWorkflows(dir);
    expect(files).toBe(3);
    expect(problems).toEqual([]);
  });
});

describe(".github/workflows", () => {
  const ci = parse(read(".github/workflows/ci.yml")) as Workflow;

  it("pass actionlint", async () => {
    const { files, problems } = await lintWorkflows();
    expect(files).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
  });

  it("actionlint finds problems (the check can fail)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mcp-lint-bad-workflow-"));
    temps.push(dir);
    writeFileSync(
      join(dir, "bad.yml"),
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n      - uses: actions/checkout@v4\n        with:\n          nope: 1\n",
    );
    const { problems } = await lintWorkflows(dir);
    expect(problems.map((p) => `${p.line}:${p.kind}`)).toEqual(["6:expression", "9:action"]);
  });

  it("ci.yml tests on Node 20 and 24 and runs the action on the examples with uses: ./", () => {
    const test = Object.values(ci.jobs).find((j) => j.strategy?.matrix)!;
    expect(test.strategy!.matrix!.node).toEqual([20, 24]);
    const runs = test.steps.map((s) => (s as { run?: string }).run).filter(Boolean);
    expect(runs).toEqual(expect.arrayContaining(["npm ci", "npm test"]));
    // npm test itself checks the committed bundle and the workflows, so CI (and .ci/run) cannot skip them.
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).toContain("npm run check:dist");
    expect(pkg.scripts.test).toContain("npm run lint:workflows");
    const job = Object.values(ci.jobs).find((j) => j.steps.some((s) => s.uses === "./"))!;
    const step = job.steps.find((s) => s.uses === "./")!;
    expect(step.with).toMatchObject({ paths: "examples/broken-setup", "fail-on": "never", "sarif-file": expect.any(String) });
    for (const key of Object.keys(step.with!)) expect(INPUTS).toContain(key);
    expect(job.steps.some((s) => s.uses === "github/codeql-action/upload-sarif@v4")).toBe(true);
    expect(job.permissions).toMatchObject({ "security-events": "write" });
  });
});

describe("dist/", () => {
  it("is an ES module bundle with the licenses of what it bundles", () => {
    expect(JSON.parse(read("dist/package.json"))).toEqual({ type: "module", private: true });
    const licenses = read("dist/licenses.txt");
    for (const pkg of ["@actions/core@", "typescript@", "eslint@", "yaml@", "ajv@"]) expect(licenses).toMatch(new RegExp(`^${pkg.replace(/[@/.]/g, "\\$&")}\\S+\\nLicense: \\S+`, "m"));
    expect(licenses).toContain("Apache License");
    expect(licenses).not.toMatch(/^@mcp-lint\//m);
  });
});
