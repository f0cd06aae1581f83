import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import fc from "fast-check";
import type { ErrorObject, ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { dialects } from "../../packages/core/src/dialects/index.js";
import { parseText } from "../../packages/core/src/document/index.js";
import type { Format } from "../../packages/core/src/document/types.js";
import configSchema from "../../packages/core/src/schemas/mcp-lint.config.schema.json" with { type: "json" };
import { configAjv, precompiledValidator, schemaAjv, validatorFor } from "../../packages/core/src/util/schema-validation.js";

/*
 * The dialects' and the config file's validators are ajv standalone code generated at build time
 * (scripts/precompute.mjs → packages/core/src/schemas/validators.generated.ts). They must give what compiling the
 * schema at run time gave: the same result and the same error objects (keys in the same order, `parentSchema`,
 * `schema` and `data` the same objects), `x-nearMiss` included (a validating function keyword before, a code
 * keyword calling util/schema-runtime.ts now).
 */

const ROOT = join(import.meta.dirname, "../..");

interface Subject {
  name: string;
  schema: object;
  kind: "dialect" | "config";
  /** The former run-time compilation: `x-nearMiss` as a validating function keyword. */
  reference: ValidateFunction;
  /** Run-time compilation with the code keyword (what the generator compiles; the fallback for other schemas). */
  runtime: ValidateFunction;
  precompiled: ValidateFunction;
}

const subjects: Subject[] = [
  ...dialects
    .filter((d) => Object.keys(d.schema).length > 0)
    .map((d): Subject => ({
      name: d.id,
      schema: d.schema,
      kind: "dialect",
      reference: schemaAjv({ functionKeyword: true }).compile(d.schema as Record<string, unknown>),
      runtime: schemaAjv({ source: true }).compile(d.schema as Record<string, unknown>),
      precompiled: precompiledValidator(d.schema)!,
    })),
  {
    name: "mcp-lint.config",
    schema: configSchema,
    kind: "config",
    reference: configAjv().compile(configSchema),
    runtime: configAjv({ source: true }).compile(configSchema),
    precompiled: precompiledValidator(configSchema, "config")!,
  },
];

/** Same result, same errors: key order, values, and the schema/data objects they point at. */
function expectSameErrors(label: string, expected: ErrorObject[] | null | undefined, actual: ErrorObject[] | null | undefined): void {
  if (!expected || !actual) {
    expect(actual ?? null, label).toEqual(expected ?? null);
    return;
  }
  expect(actual.length, label).toBe(expected.length);
  expected.forEach((e, i) => {
    const a = actual[i]!;
    expect(Object.keys(a), `${label} #${i}`).toEqual(Object.keys(e));
    for (const key of Object.keys(e) as Array<keyof ErrorObject>) {
      const value = e[key];
      if (typeof value === "object" && value !== null && (key === "parentSchema" || key === "schema" || key === "data")) {
        expect(a[key] === value, `${label} #${i} ${key}: same object`).toBe(true);
      } else {
        expect(a[key], `${label} #${i} ${key}`).toEqual(value);
      }
    }
  });
}

function compare(subject: Subject, value: unknown, label: string): number {
  const valid = subject.reference(value);
  const expected = subject.reference.errors;
  for (const [name, validate] of [
    ["precompiled", subject.precompiled],
    ["runtime", subject.runtime],
  ] as const) {
    expect(validate(value), `${label}: ${subject.name} ${name} result`).toBe(valid);
    expectSameErrors(`${label}: ${subject.name} ${name}`, expected, validate.errors);
  }
  return expected?.length ?? 0;
}

const FORMATS: Record<string, Format> = { ".json": "json", ".jsonc": "json", ".toml": "toml", ".yaml": "yaml", ".yml": "yaml" };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The value of every config-like fixture in the repository (each is validated against every schema). */
const fixtures: Array<{ file: string; value: unknown }> = ["test/fixtures", "examples"]
  .flatMap((dir) => walk(join(ROOT, dir)))
  .filter((file) => FORMATS[extname(file)] !== undefined && !file.includes("node_modules"))
  .sort()
  .flatMap((file) => {
    const text = readFileSync(file, "utf8");
    if (text.length > 200_000) return [];
    const parsed = parseText(text, FORMATS[extname(file)]!);
    return parsed.value === undefined ? [] : [{ file: file.slice(ROOT.length + 1), value: parsed.value }];
  });

/** Every property name the schemas know (documents are made of them, and of near misses of them). */
const KNOWN_KEYS = [
  ...new Set(
    subjects.flatMap((s) => {
      const keys: string[] = [];
      const visit = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(visit);
        else if (typeof v === "object" && v !== null) {
          const o = v as Record<string, unknown>;
          if (typeof o.properties === "object" && o.properties !== null) keys.push(...Object.keys(o.properties));
          Object.values(o).forEach(visit);
        }
      };
      visit(s.schema);
      return keys;
    }),
  ),
].sort();

/** A small edit of a key: a near miss (swapped, dropped or doubled letter, other capitals, a stray space). */
function nearMiss(key: string, seed: number): string {
  if (key.length === 0) return "x";
  const i = seed % key.length;
  switch (seed % 6) {
    case 0:
      return i + 1 < key.length ? key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2) : key + "s";
    case 1:
      return key.slice(0, i) + key.slice(i + 1) || "y";
    case 2:
      return key.slice(0, i) + key[i] + key.slice(i);
    case 3:
      return key.toUpperCase() === key ? key.toLowerCase() : key[0]!.toUpperCase() + key.slice(1);
    case 4:
      return `${key} `;
    default:
      return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) + (seed % 2 ? "" : "_");
  }
}

interface Edit {
  at: number;
  kind: number;
  seed: number;
  key: string;
  value: unknown;
}

/** Applies edits to a copy of `value`: each picks an object or array in it and changes, renames, drops or adds a member. */
function edited(value: unknown, edits: Edit[]): unknown {
  const copy: unknown = structuredClone(value);
  for (const { value: shared, ...rest } of edits) {
    // A fresh copy each time: a value put in twice must not become a container of itself.
    const edit = { ...rest, value: structuredClone(shared) };
    const containers: Array<Record<string, unknown> | unknown[]> = [];
    const collect = (v: unknown): void => {
      if (typeof v !== "object" || v === null) return;
      containers.push(v as Record<string, unknown> | unknown[]);
      Object.values(v).forEach(collect);
    };
    collect(copy);
    if (containers.length === 0) return edit.value;
    const target = containers[edit.at % containers.length]!;
    const keys = Object.keys(target);
    const existing = keys.length ? keys[edit.seed % keys.length]! : undefined;
    if (Array.isArray(target)) {
      if (edit.kind % 2 === 0 && existing !== undefined) target[Number(existing)] = edit.value;
      else target.push(edit.value);
      continue;
    }
    switch (edit.kind) {
      case 0:
        if (existing !== undefined) target[existing] = edit.value;
        break;
      case 1:
        if (existing !== undefined) {
          const v = target[existing];
          delete target[existing];
          target[nearMiss(existing, edit.seed)] = v;
        }
        break;
      case 2:
        if (existing !== undefined) delete target[existing];
        break;
      case 3:
        target[edit.key] = edit.value;
        break;
      default:
        target[nearMiss(edit.key, edit.seed)] = edit.value;
    }
  }
  return copy;
}

const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom("stdio", "http", "sse", "streamable-http", "npx", "https://example.com/mcp", "not a url", "", "${env:X}", -1, 0, 1e9, true, null, [], {}),
);
const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), kind: fc.nat({ max: 4 }), seed: fc.nat(), key: fc.constantFrom(...KNOWN_KEYS), value: jsonish });

describe("precompiled schema validators (ajv standalone code)", () => {
  it("exist for every built-in dialect's schema and the config schema", () => {
    expect(subjects.length).toBe(dialects.filter((d) => Object.keys(d.schema).length > 0).length + 1);
    for (const s of subjects) expect(s.precompiled, s.name).toBeTypeOf("function");
    for (const d of dialects.filter((x) => Object.keys(x.schema).length > 0)) expect(validatorFor(d), d.id).toBe(precompiledValidator(d.schema));
  });

  it("a schema that differs from the generated one is compiled at run time, not given a precompiled validator", () => {
    const claude = dialects.find((d) => d.id === "claude-code")!;
    const variant = { ...claude.schema, title: "changed" };
    expect(precompiledValidator(variant)).toBeUndefined();
    const validate = validatorFor({ ...claude, id: "claude-code-variant", schema: variant });
    expect(validate({ mcpServers: { a: { command: 1 } } })).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe("type");
  });

  it("give the run-time compilation's results and error objects on every fixture, against every schema", () => {
    expect(fixtures.length).toBeGreaterThan(30);
    let errors = 0;
    let nearMisses = 0;
    for (const { file, value } of fixtures) {
      for (const s of subjects) {
        errors += compare(s, value, file);
        nearMisses += s.reference.errors?.filter((e) => e.keyword === "x-nearMiss").length ?? 0;
      }
    }
    // The comparison saw errors of every kind the rule reads, x-nearMiss ones included.
    expect(errors).toBeGreaterThan(100);
    expect(nearMisses).toBeGreaterThan(0);
  });

  it("give the run-time compilation's results and error objects on generated documents", () => {
    const bases = fixtures.map((f) => f.value);
    let nearMisses = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(...subjects), (base, edits, subject) => {
        const value = edited(base, edits);
        compare(subject, value, "generated");
        nearMisses += subject.reference.errors?.filter((e) => e.keyword === "x-nearMiss").length ?? 0;
      }),
      { numRuns: 3000 },
    );
    expect(nearMisses).toBeGreaterThan(0);
  });

  it("a config run with the built package does not load ajv's compiler", () => {
    const script = [
      'import { createRequire } from "node:module";',
      `const core = await import(${JSON.stringify(join(ROOT, "packages/core/dist/index.js"))});`,
      // An unknown key, a near miss, a wrong type and a bad enum value: every kind of error the rule reads.
      'const text = JSON.stringify({ mcpServers: { a: { comand: "npx", args: "x", type: "tcp", bogus: 1 } } });',
      'const result = core.lintConfigText(".mcp.json", text);',
      'const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /[\\\\/]ajv[\\\\/]/.test(f));',
      "console.log(JSON.stringify({ findings: result.findings.map((f) => f.ruleId), loaded }));",
    ].join("\n");
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { findings: string[]; loaded: string[] };
    expect(out.findings).toContain("valid-schema");
    // ajv's runtime helpers (a few lines each) may be loaded; its compiler and code generator must not be.
    const loaded = out.loaded.map((f) => f.replace(/\\/g, "/").replace(/.*\/ajv\//, "ajv/"));
    expect(loaded.filter((f) => !f.startsWith("ajv/dist/runtime/"))).toEqual([]);
  });
});
