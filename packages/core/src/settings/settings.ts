import { readProblemText, readRegularFile } from "../util/safe-fs.js";
import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import picomatch from "picomatch";
import { dialects, getDialect } from "../dialects/index.js";
import { parseDocument } from "../document/index.js";
import { joinPointer, splitPointer } from "../document/pointer.js";
import { ConfigError } from "../model/errors.js";
import type { SeveritySetting } from "../model/finding.js";
import { allRules, getRuleInfo, presetSeverities } from "../rules/catalog.js";
import { type PointerOverride, type RuleSetting, type RuleSettings } from "../engine/lint-config-text.js";
import configSchema from "../schemas/mcp-lint.config.schema.json" with { type: "json" };
import { didYouMeanText } from "../util/did-you-mean.js";
import { configAjv, precompiledValidator } from "../util/schema-validation.js";

export const CONFIG_FILE_NAME = "mcp-lint.config.json";

export type Preset = "recommended" | "strict" | "all";

export interface ConfigOverride {
  files: string[];
  rules: RuleSettings;
  reason?: string;
}

/** A loaded, validated `mcp-lint.config.json`. Globs are relative to `dir`. */
export interface McpLintConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Folder the globs are relative to. */
  dir: string;
  preset: Preset;
  /** Rule settings as written (normalised severities), not merged with the preset. */
  rules: RuleSettings;
  ignores: string[];
  dialects: Record<string, string>;
  overrides: ConfigOverride[];
  /** `root: true`: the config lookup stops at this file (configs in folders above do not apply). */
  root: boolean;
  /** `preset` is written in the file (an unwritten one does not replace the preset of a config above). */
  presetSet: boolean;
}

/**
 * The configs that apply to a file, outermost first: the nearest `mcp-lint.config.json` and the ones above it up to
 * a `root: true` config or the repository root. Settings apply in that order, so the nearest config's win.
 */
export type ConfigChain = readonly McpLintConfig[];

/** One config, a chain of them, or none: what the per-file functions below accept. */
export type ConfigsLike = McpLintConfig | ConfigChain | undefined;

/** What applies to one file. */
export interface FileSettings {
  /** Matched by `ignores`. */
  ignored: boolean;
  /** Dialect forced by the config's `dialects` map. */
  dialect?: string;
  /** Effective settings of every rule (preset + rules + matching overrides). */
  rules: RuleSettings;
  /** Overrides limited to part of the file (`files: ["x.json#/pointer"]`). */
  pointerOverrides: PointerOverride[];
}

const SEVERITY_WORDS: Record<string, SeveritySetting> = { off: "off", info: "info", warning: "warning", warn: "warning", error: "error" };
const SEVERITY_NUMBERS: Record<number, SeveritySetting> = { 0: "off", 1: "warning", 2: "error" };

/** A severity as written in a config or on the command line (ESLint aliases accepted), or undefined. */
export function parseSeverity(value: unknown): SeveritySetting | undefined {
  if (typeof value === "string") return SEVERITY_WORDS[value.toLowerCase()];
  if (typeof value === "number") return SEVERITY_NUMBERS[value];
  return undefined;
}

/** The config file that applies to `cwd`: the nearest `mcp-lint.config.json` upward (see ConfigLookup for the bounds). */
export function findConfigFile(cwd: string): string | undefined {
  return createConfigLookup().forDir(cwd).at(-1)?.file;
}

/** Folders the config lookup goes up at most, from a linted file's folder (a bound on hostile, deep trees). */
export const MAX_CONFIG_LOOKUP_DEPTH = 128;

/** Where the configs of each linted file come from. */
export interface ConfigLookup {
  /**
   * The configs for files in this folder (absolute), outermost first. Throws ConfigError for a broken config file.
   * `has`: whether the folder holds an entry of this name, when the caller has just listed it (saves two stats).
   */
  forDir(absDir: string, has?: (name: string) => boolean): ConfigChain;
  /** The configs for this file (absolute path). */
  forFile(absPath: string): ConfigChain;
  /** Every config file found so far (absolute paths, sorted). */
  files(): string[];
}

const EMPTY_CHAIN: ConfigChain = Object.freeze([]);

/** One config (`--config`) or none (`--no-config-lookup`) for every file. */
export function fixedConfigLookup(config: McpLintConfig | undefined): ConfigLookup {
  const chain: ConfigChain = config ? Object.freeze([config]) : EMPTY_CHAIN;
  return { forDir: () => chain, forFile: () => chain, files: () => (config ? [config.file] : []) };
}

/**
 * Config files looked up from each folder upwards, as ESLint's flat config does from each linted file (its
 * v10 behaviour): every `mcp-lint.config.json` on the way applies, the nearest last (its settings win). The walk
 * stops after a config with `root: true`, after the repository root (a folder holding `.git`), at the filesystem
 * root, and after MAX_CONFIG_LOOKUP_DEPTH folders. It goes up the path as written (a folder link in the tree is
 * never walked into by discovery, and a config file that is a link is read only within its folder or work tree).
 * Results are cached per folder: each folder is looked at once per run.
 */
export function createConfigLookup(): ConfigLookup {
  const chains = new Map<string, ConfigChain>();
  const loaded = new Map<string, McpLintConfig>();
  const configIn = (dir: string, has: ((name: string) => boolean) | undefined): McpLintConfig | undefined => {
    const path = join(dir, CONFIG_FILE_NAME);
    // A listing saves the stat of folders without one; a listed name is still checked as the unlisted one would be.
    if ((has && !has(CONFIG_FILE_NAME)) || !existsSync(path)) return undefined;
    let config = loaded.get(path);
    if (!config) loaded.set(path, (config = loadConfig(path)));
    return config;
  };
  const forDir = (absDir: string, has?: (name: string) => boolean): ConfigChain => {
    // Callers pass resolved paths: looked up as given first, resolved only on a miss.
    const direct = chains.get(absDir);
    if (direct) return direct;
    const start = resolve(absDir);
    const hit = chains.get(start);
    if (hit) {
      chains.set(absDir, hit);
      return hit;
    }
    const pending: Array<{ dir: string; config: McpLintConfig | undefined }> = [];
    let chain = EMPTY_CHAIN;
    for (let dir = start, depth = 0; ; depth++) {
      const cached = chains.get(dir);
      if (cached) {
        chain = cached;
        break;
      }
      const listed = depth === 0 ? has : undefined;
      const config = configIn(dir, listed);
      pending.push({ dir, config });
      if (config?.root || (listed ? listed(".git") : existsSync(join(dir, ".git"))) || depth + 1 >= MAX_CONFIG_LOOKUP_DEPTH) break;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const { dir, config } = pending[i]!;
      if (config) chain = Object.freeze([...chain, config]);
      // A config found through a folder's cached chain is as far as from that folder: the same bound applies, so
      // a file's configs never depend on which folders were looked at before.
      const depth = segments(dir);
      if (chain.some((c) => depth - segments(c.dir) >= MAX_CONFIG_LOOKUP_DEPTH)) {
        chain = Object.freeze(chain.filter((c) => depth - segments(c.dir) < MAX_CONFIG_LOOKUP_DEPTH));
      }
      chains.set(dir, chain);
    }
    return chains.get(start)!;
  };
  return { forDir, forFile: (absPath) => forDir(dirname(absPath)), files: () => [...loaded.keys()].sort() };
}

/** Path segments of an absolute, resolved path (its depth). */
function segments(absPath: string): number {
  let n = 0;
  for (let i = 0; i < absPath.length; i++) if (absPath[i] === sep) n++;
  return n;
}

function asChain(configs: ConfigsLike): ConfigChain {
  if (!configs) return EMPTY_CHAIN;
  if (Array.isArray(configs)) return configs as ConfigChain;
  let chain = singleChains.get(configs as McpLintConfig);
  if (!chain) singleChains.set(configs as McpLintConfig, (chain = Object.freeze([configs as McpLintConfig])));
  return chain;
}
const singleChains = new WeakMap<McpLintConfig, ConfigChain>();

let ajv: Ajv | undefined;
let configValidator: ValidateFunction | undefined;
const optionValidators = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  // The config schema and the rules' option schemas are ours: they are checked against the meta-schema by
  // test/core/config.test.ts, not at every start (compiling the meta-schema's validator costs more than the schema).
  // The config schema's validator is precompiled with this instance's options (scripts/precompute.mjs); ajv's
  // compiler is loaded only when a config gives a rule options.
  return (ajv ??= configAjv());
}

/** Reads, parses (JSONC) and validates a config file. Any problem throws a located ConfigError. */
export function loadConfig(path: string): McpLintConfig {
  const file = resolve(path);
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new ConfigError(`The config path is a folder: give the path of a ${CONFIG_FILE_NAME} file.`, path);
    // A regular file under the size cap; a link is followed only within the file's folder or git work tree.
    text = readRegularFile(file, dirname(file));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new ConfigError("The config file was not found: check the path.", path);
    throw new ConfigError(readProblemText(error, "The config file"), path);
  }
  return parseConfig(text, file, path);
}

/** Validates config text; `shownPath` is how errors name the file. Exported for tests and front ends that hold the text. */
export function parseConfig(text: string, file: string, shownPath: string = file): McpLintConfig {
  const doc = parseDocument(file, text, "json");
  const fail = (message: string, pointer: string, part: "key" | "value" = "value"): never => {
    const at = doc.locate(pointer, part);
    throw new ConfigError(message, shownPath, at.line, at.column);
  };
  const parseError = doc.errors[0];
  if (parseError) {
    const at = doc.rangeOfOffsets(parseError.range);
    throw new ConfigError(`${parseError.message} (${CONFIG_FILE_NAME} is JSON with comments.)`, shownPath, at.line, at.column);
  }
  const value = doc.value;
  const validate = (configValidator ??= precompiledValidator(configSchema, "config") ?? getAjv().compile(configSchema));
  if (!validate(value)) {
    const problem = describeSchemaError(validate.errors ?? [], value);
    fail(problem.message, problem.pointer, problem.part);
  }
  const raw = value as {
    root?: boolean;
    preset?: Preset;
    rules?: Record<string, unknown>;
    ignores?: string[];
    dialects?: Record<string, string>;
    overrides?: Array<{ files: string[]; rules?: Record<string, unknown>; reason?: string }>;
  };
  const rules = normaliseRules(raw.rules ?? {}, "/rules", fail);
  // Every glob is compiled here, so that one that cannot be (too long, too complex) is a located config error
  // rather than an internal error later, when files are matched.
  (raw.ignores ?? []).forEach((glob, i) => checkGlob(glob, joinPointer("/ignores", i), fail));
  Object.keys(raw.dialects ?? {}).forEach((glob) => checkGlob(glob, joinPointer("/dialects", glob), fail, "key"));
  (raw.overrides ?? []).forEach((o, i) => o.files.forEach((entry, j) => checkGlob(entry.split("#")[0]!, joinPointer("/overrides", i, "files", j), fail)));
  const overrides = (raw.overrides ?? []).map((o, i) => {
    o.files.forEach((entry, j) => {
      const hash = entry.indexOf("#");
      if (hash < 0) return;
      const pointer = decodePointer(entry.slice(hash + 1));
      if (pointer === undefined || (pointer !== "" && !pointer.startsWith("/")))
        fail(
          `"${entry}": the part after "#" must be a JSON pointer such as "#/mcpServers/github".`,
          joinPointer("/overrides", i, "files", j),
        );
    });
    return {
      files: o.files,
      rules: normaliseRules(o.rules ?? {}, joinPointer("/overrides", i, "rules"), fail),
      ...(o.reason !== undefined ? { reason: o.reason } : {}),
    };
  });
  return {
    file,
    dir: dirname(file),
    preset: raw.preset ?? "recommended",
    rules,
    ignores: raw.ignores ?? [],
    dialects: raw.dialects ?? {},
    overrides,
    root: raw.root === true,
    presetSet: raw.preset !== undefined,
  };
}

/** Longest glob accepted in the config (a path pattern; longer ones are not paths and may not compile). */
export const MAX_GLOB_LENGTH = 4096;

function checkGlob(glob: string, pointer: string, fail: Fail, part: "key" | "value" = "value"): void {
  if (glob.length > MAX_GLOB_LENGTH) fail(`This glob is ${glob.length} characters long: at most ${MAX_GLOB_LENGTH} are accepted. Use a shorter pattern.`, pointer, part);
  try {
    picomatch.makeRe(normaliseGlob(glob), { dot: true });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);
    fail(`This glob cannot be compiled (${reason}). Use a simpler pattern.`, pointer, part);
  }
}

function decodePointer(fragment: string): string | undefined {
  if (!fragment.includes("%")) return fragment;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}

type Fail = (message: string, pointer: string, part?: "key" | "value") => never;

function normaliseRules(rules: Record<string, unknown>, base: string, fail: Fail): RuleSettings {
  const out: RuleSettings = {};
  for (const [id, setting] of Object.entries(rules)) {
    const pointer = joinPointer(base, id);
    const rule = getRuleInfo(id);
    if (!rule) {
      fail(
        `Unknown rule "${id}".${didYouMeanText(id, allRules.map((r) => r.id))} Remove it or fix the name.`,
        pointer,
        "key",
      );
    }
    const [severityValue, options] = Array.isArray(setting) ? setting : [setting, undefined];
    const severity = parseSeverity(severityValue)!; // the schema checked it
    if (options !== undefined) validateRuleOptions(id, options, joinPointer(pointer, 1), fail);
    out[id] = { severity, ...(options !== undefined ? { options: options as Record<string, unknown> } : {}) };
  }
  return out;
}

/** Checks options against the rule's `meta.schema` (compiled once per rule). */
function validateRuleOptions(id: string, options: unknown, pointer: string, fail: Fail): void {
  const rule = getRuleInfo(id)!;
  const schema = rule.schema[0] as object | undefined;
  if (!schema) {
    if (typeof options === "object" && options !== null && Object.keys(options).length === 0) return;
    fail(`Rule "${id}" takes no options: write just its severity.`, pointer);
  }
  let validate = optionValidators.get(id);
  if (!validate) {
    validate = getAjv().compile(schema);
    optionValidators.set(id, validate);
  }
  if (validate(options)) return;
  const error = validate.errors?.[0];
  const where = error ? error.instancePath : "";
  const detail = error ? optionErrorText(error) : "invalid value";
  fail(`Invalid options for rule "${id}": ${where ? `"${splitPointer(where).join(".")}" ` : ""}${detail}.`, pointer + (where ?? ""), error?.keyword === "additionalProperties" ? "key" : "value");
}

function optionErrorText(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown option "${String(p.additionalProperty)}"`;
    case "enum":
      return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `must be ${article(String(p.type))}`;
    default:
      return error.message ?? "invalid value";
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

const TOP_KEYS = Object.keys((configSchema as { properties: Record<string, unknown> }).properties);
const OVERRIDE_KEYS = ["files", "rules", "reason"];
const RULE_SETTING_PATH = /^((?:\/overrides\/\d+)?\/rules\/[^/]+)/;

/** One clear message for ajv's first error. */
function describeSchemaError(errors: ErrorObject[], value: unknown): { message: string; pointer: string; part: "key" | "value" } {
  // A rule setting fails several oneOf branches: report it as one problem.
  const ruleError = errors.find((e) => RULE_SETTING_PATH.test(e.instancePath));
  if (ruleError) {
    const pointer = RULE_SETTING_PATH.exec(ruleError.instancePath)![1]!;
    const id = splitPointer(pointer).pop()!;
    return {
      message: `Invalid setting for rule "${id}": use a severity ("off", "info", "warning" or "error") or [severity, { options }].`,
      pointer,
      part: "value",
    };
  }
  const error = errors.find((e) => e.keyword !== "oneOf" && e.keyword !== "if") ?? errors[0]!;
  const p = error.params as Record<string, unknown>;
  const path = error.instancePath;
  const name = describePath(path);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const known = path === "" ? TOP_KEYS : /^\/overrides\/\d+$/.test(path) ? OVERRIDE_KEYS : [];
      return {
        message: `Unknown key "${key}" in ${path === "" ? "the config" : name}.${didYouMeanText(key, known)} Allowed keys: ${known.map((k) => `"${k}"`).join(", ")}.`,
        pointer: joinPointer(path, key),
        part: "key",
      };
    }
    case "enum": {
      if (/^\/dialects\//.test(path)) {
        const given = String(valueAt(value, path));
        return {
          message: `Unknown dialect "${given}".${didYouMeanText(given, dialects.map((d) => d.id))} Known dialects: ${dialects.map((d) => d.id).join(", ")}.`,
          pointer: path,
          part: "value",
        };
      }
      const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
      return { message: `${name} must be one of ${allowed}.`, pointer: path, part: "value" };
    }
    case "type":
      return { message: `${name} must be ${article(String(p.type))}.`, pointer: path, part: "value" };
    case "required":
      return { message: `${name} needs "${String(p.missingProperty)}".`, pointer: path, part: "value" };
    case "minItems":
    case "minLength":
      return { message: `${name} must not be empty.`, pointer: path, part: "value" };
    default:
      return { message: `${name} ${error.message ?? "is invalid"}.`, pointer: path, part: "value" };
  }
}

function describePath(path: string): string {
  if (path === "") return "The config";
  let out = "";
  for (const part of splitPointer(path)) out += /^\d+$/.test(part) ? `[${part}]` : (out ? "." : "") + part;
  return `"${out}"`;
}

function valueAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const s of splitPointer(pointer)) v = (v as Record<string, unknown> | undefined)?.[s];
  return v;
}

// ---------------------------------------------------------------------------
// Per-file resolution
// ---------------------------------------------------------------------------

type Matcher = (path: string) => boolean;

interface CompiledConfig {
  ignore: Matcher;
  /** Folder patterns ("x/**" and "x/"), to skip whole folders while walking. */
  ignoreDir: Matcher;
  dialects: Array<{ match: Matcher; dialect: string }>;
  overrides: Array<{ whole: Matcher | undefined; pointers: Array<{ match: Matcher; pointer: string }>; rules: RuleSettings }>;
  base: RuleSettings;
}

const compiledConfigs = new WeakMap<McpLintConfig, CompiledConfig>();
const NO_CONFIG = { preset: "recommended" } as const;
let defaultsCache: { rules: RuleSettings } | undefined;

function normaliseGlob(glob: string): string {
  let g = glob.replace(/\\/g, "/");
  if (g.startsWith("./")) g = g.slice(2);
  if (g.endsWith("/")) g += "**";
  return g;
}

function compileGlobs(globs: string[]): Matcher {
  if (globs.length === 0) return () => false;
  return picomatch(globs.map(normaliseGlob), { dot: true });
}

function compile(config: McpLintConfig): CompiledConfig {
  let compiled = compiledConfigs.get(config);
  if (compiled) return compiled;
  const dirGlobs = config.ignores.map(normaliseGlob).filter((g) => g.endsWith("/**")).map((g) => g.slice(0, -3));
  compiled = {
    ignore: compileGlobs(config.ignores),
    ignoreDir: dirGlobs.length ? picomatch(dirGlobs, { dot: true }) : () => false,
    dialects: Object.entries(config.dialects).map(([glob, dialect]) => ({ match: compileGlobs([glob]), dialect })),
    overrides: config.overrides.map((o) => {
      const whole = o.files.filter((f) => !f.includes("#"));
      const pointers = o.files
        .filter((f) => f.includes("#"))
        .map((f) => {
          const hash = f.indexOf("#");
          return { match: compileGlobs([f.slice(0, hash)]), pointer: decodePointer(f.slice(hash + 1)) ?? "" };
        });
      return { whole: whole.length ? compileGlobs(whole) : undefined, pointers, rules: o.rules };
    }),
    base: mergeRules(presetSettings(config.preset), config.rules),
  };
  compiledConfigs.set(config, compiled);
  return compiled;
}

/** Later settings win; a severity alone keeps the options set before (as in ESLint). */
export function mergeRules(base: RuleSettings, over: RuleSettings): RuleSettings {
  const out: RuleSettings = { ...base };
  for (const [id, s] of Object.entries(over)) {
    const prev = out[id];
    out[id] = s.options !== undefined || !prev?.options ? s : { severity: s.severity, options: prev.options };
  }
  return out;
}

function relativeTo(config: McpLintConfig, absPath: string): string | undefined {
  const rel = relative(config.dir, absPath);
  if (rel === "" || rel.startsWith("..") || /^[a-zA-Z]:/.test(rel) || rel.startsWith(sep)) return undefined;
  return sep === "/" ? rel : rel.split(sep).join("/");
}

/** Is this folder (absolute) ignored as a whole by the `ignores` of a config that applies? Used to prune walks. */
export function isIgnoredDirectory(configs: ConfigsLike, absDir: string): boolean {
  return asChain(configs).some((config) => {
    const rel = relativeTo(config, absDir);
    return rel !== undefined && compile(config).ignoreDir(rel);
  });
}

/** The dialect the configs' `dialects` maps give this file (absolute), if any: the nearest config, then its last matching glob, wins. */
export function configDialectFor(configs: ConfigsLike, absPath: string): string | undefined {
  const chain = asChain(configs);
  for (let i = chain.length - 1; i >= 0; i--) {
    const config = chain[i]!;
    if (Object.keys(config.dialects).length === 0) continue;
    const rel = relativeTo(config, absPath);
    if (rel === undefined) continue;
    let dialect: string | undefined;
    for (const d of compile(config).dialects) if (d.match(rel)) dialect = d.dialect;
    if (dialect) return dialect;
  }
  return undefined;
}

/** Is this file (absolute) matched by the `ignores` of a config that applies? */
export function isIgnoredFile(configs: ConfigsLike, absPath: string): boolean {
  return asChain(configs).some((config) => {
    if (config.ignores.length === 0) return false;
    const rel = relativeTo(config, absPath);
    return rel !== undefined && compile(config).ignore(rel);
  });
}

interface ChainCache {
  cache: Map<string, { rules: RuleSettings; pointerOverrides: PointerOverride[] }>;
}
const chainCaches = new WeakMap<ConfigChain, ChainCache>();

/**
 * Settings for one file (absolute path) under its configs (outermost first): the nearest config's preset (or
 * "recommended"), then each config's rules and its overrides that match the file, outermost first, so the nearest
 * config's settings win. Results are cached by which overrides match.
 */
export function resolveFileSettings(configs: ConfigsLike, absPath: string): FileSettings {
  const chain = asChain(configs);
  if (chain.length === 0) {
    defaultsCache ??= { rules: presetSettings(NO_CONFIG.preset) };
    return { ignored: false, rules: defaultsCache.rules, pointerOverrides: [] };
  }
  if (chain.length === 1) return resolveSingle(chain[0]!, absPath);
  return resolveMerged(
    chain,
    chain.map(compile),
    chain.map((config) => relativeTo(config, absPath)),
    absPath,
  );
}

function resolveMerged(chain: ConfigChain, compiled: CompiledConfig[], rels: Array<string | undefined>, absPath: string): FileSettings {
  let cc = chainCaches.get(chain);
  if (!cc) chainCaches.set(chain, (cc = { cache: new Map() }));
  let key = "";
  compiled.forEach((c, k) => {
    const rel = rels[k];
    if (rel === undefined) return;
    c.overrides.forEach((o, i) => {
      if (o.whole?.(rel)) key += `;${k}.${i},`;
      o.pointers.forEach((p, j) => {
        if (p.match(rel)) key += `;${k}.${i}#${j},`;
      });
    });
  });
  let merged = cc.cache.get(key);
  if (!merged) {
    let preset: Preset = "recommended";
    for (const config of chain) if (config.presetSet || config === chain[0]) preset = config.preset;
    let rules = chain.length === 1 ? compiled[0]!.base : presetSettings(preset);
    const pointerOverrides: PointerOverride[] = [];
    compiled.forEach((c, k) => {
      if (chain.length > 1) rules = mergeRules(rules, chain[k]!.rules);
      c.overrides.forEach((o, i) => {
        if (key.includes(`;${k}.${i},`)) rules = mergeRules(rules, o.rules);
        o.pointers.forEach((p, j) => {
          if (key.includes(`;${k}.${i}#${j},`)) pointerOverrides.push({ pointer: p.pointer, rules: o.rules });
        });
      });
    });
    // Pointer overrides take the file's options for rules they only change the severity of.
    const finalRules = rules;
    merged = {
      rules: finalRules,
      pointerOverrides: pointerOverrides.map((po) => ({
        pointer: po.pointer,
        rules: Object.fromEntries(
          Object.entries(po.rules).map(([id, s]): [string, RuleSetting] => [
            id,
            s.options !== undefined || !finalRules[id]?.options ? s : { severity: s.severity, options: finalRules[id]!.options! },
          ]),
        ),
      })),
    };
    cc.cache.set(key, merged);
  }
  const dialect = configDialectFor(chain, absPath);
  const ignored = compiled.some((c, k) => rels[k] !== undefined && c.ignore(rels[k]!));
  return { ignored, ...(dialect ? { dialect } : {}), rules: merged.rules, pointerOverrides: merged.pointerOverrides };
}

/** One config (the common case): the settings of resolveFileSettings, without the chain's arrays. */
function resolveSingle(config: McpLintConfig, absPath: string): FileSettings {
  const c = compile(config);
  const rel = relativeTo(config, absPath);
  if (rel === undefined) return { ignored: false, rules: c.base, pointerOverrides: [] };
  const dialect = configDialectFor(config, absPath);
  if (c.overrides.length === 0) return { ignored: c.ignore(rel), ...(dialect ? { dialect } : {}), rules: c.base, pointerOverrides: [] };
  return resolveMerged(asChain(config), [c], [rel], absPath);
}

/** Applies command-line rule settings: they beat the config, its overrides and its pointer overrides (as in ESLint). */
export function applyRuleOverrides(settings: FileSettings, rules: RuleSettings | undefined): FileSettings {
  if (!rules || Object.keys(rules).length === 0) return settings;
  const ids = new Set(Object.keys(rules));
  return {
    ...settings,
    rules: mergeRules(settings.rules, rules),
    pointerOverrides: settings.pointerOverrides
      .map((po) => ({ pointer: po.pointer, rules: Object.fromEntries(Object.entries(po.rules).filter(([id]) => !ids.has(id))) }))
      .filter((po) => Object.keys(po.rules).length > 0),
  };
}

/** Parses a command-line rule setting: `id:severity`, or `id:[severity, {options}]` (JSONC). Returns a message on error. */
export function parseRuleSpec(spec: string): { id: string; setting: RuleSetting } | { error: string } {
  const colon = spec.indexOf(":");
  if (colon <= 0) return { error: `Invalid rule setting "${spec}": write it as id:severity, e.g. npx-yes:off.` };
  const id = spec.slice(0, colon).trim().replace(/^mcp-lint\//, "");
  const rest = spec.slice(colon + 1).trim();
  if (!getRuleInfo(id)) {
    return { error: `Unknown rule "${id}".${didYouMeanText(id, allRules.map((r) => r.id))}` };
  }
  if (rest.startsWith("[")) {
    const doc = parseDocument("<rule>", rest, "json");
    const value = doc.errors.length === 0 ? doc.value : undefined;
    const [sev, options] = Array.isArray(value) ? value : [];
    const severity = parseSeverity(sev);
    if (!severity || (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))))
      return { error: `Invalid setting for rule "${id}": write [severity, { options }] as JSON.` };
    if (options !== undefined) {
      try {
        validateRuleOptions(id, options, "", (message) => {
          throw new Error(message);
        });
      } catch (error) {
        return { error: (error as Error).message };
      }
    }
    return { id, setting: { severity, ...(options !== undefined ? { options: options as Record<string, unknown> } : {}) } };
  }
  const severity = parseSeverity(/^\d$/.test(rest) ? Number(rest) : rest);
  if (!severity) return { error: `Invalid severity "${rest}" for rule "${id}": use off, info, warning or error.` };
  return { id, setting: { severity } };
}

/** Known dialect ids, for messages. */
export function dialectIds(): string[] {
  return dialects.map((d) => d.id);
}

/** Validates a dialect id given on the command line; returns an error message or undefined. */
export function checkDialectId(id: string): string | undefined {
  if (getDialect(id)) return undefined;
  return `Unknown dialect "${id}".${didYouMeanText(id, dialectIds())} Known dialects: ${dialectIds().join(", ")}.`;
}

/** Settings of every rule, config and code, under a preset. */
function presetSettings(preset: McpLintConfig["preset"]): RuleSettings {
  return Object.fromEntries(Object.entries(presetSeverities(preset)).map(([id, severity]) => [id, { severity }]));
}

/** Does a whole-file pattern of the `overrides` of a config that applies name this file (absolute path)? */
export function namedByOverride(configs: ConfigsLike, absPath: string): boolean {
  return asChain(configs).some((config) => {
    const rel = relativeTo(config, absPath);
    return rel !== undefined && compile(config).overrides.some((o) => o.whole?.(rel) === true);
  });
}
