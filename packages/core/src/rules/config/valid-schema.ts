import type { ErrorObject } from "ajv";
import { dialects, getDialect } from "../../dialects/index.js";
import { isObject } from "../../dialects/shared.js";
import type { Dialect } from "../../dialects/types.js";
import type { ConfigDocument } from "../../document/document.js";
import { joinPointer, splitPointer } from "../../document/pointer.js";
import type { OffsetRange } from "../../document/types.js";
import { keyText, quote, replaceValue } from "../../document/edits.js";
import type { Fix } from "../../model/finding.js";
import { conceptOf, OPPOSITE_FLAGS, transportOfSpelling } from "../../util/key-aliases.js";
import { validatorFor, serverEntryKeys, type NearMissParams, type SchemaObject } from "../../util/schema-validation.js";
import { echo } from "../../util/secrets.js";
import { closestMatches, damerauDistance, normaliseKey, spellingDifference } from "../../util/similarity.js";
import { defineConfigRule, type ReportDescriptor } from "../types.js";

type MessageId = "unknownKey" | "keyVariant" | "foreignKey" | "wrongType" | "badValue" | "constraint" | "missing" | "notAllowed";
type Report = ReportDescriptor<MessageId>;

interface Options {
  allowKeys: string[];
}

/** Root keys other clients keep their servers under: the root-key rule reports those when the client's own key is missing. */
const FOREIGN_ROOT_KEYS = new Set(["mcp_servers", "mcpServers", "servers", "context_servers", "mcp", "extensions"]);

function q(key: string, fallback = "this key"): string {
  return echo(key, fallback);
}

/** `"a", "b" and "c"` (at most `max`, then "…"). */
function list(items: string[], max = 8, conj = "or"): string {
  const shown = items.slice(0, max).map((i) => JSON.stringify(i));
  if (items.length > max) return `${shown.join(", ")}, …`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} ${conj} ${shown[shown.length - 1]}`;
}

function valueAt(value: unknown, pointer: string): unknown {
  let cur = value;
  for (const seg of splitPointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur)) cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
    else return undefined;
  }
  return cur;
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typesOf(schema: SchemaObject | undefined): string[] {
  if (!schema) return [];
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === "string" ? [t] : [];
}

/** Does a value of this type satisfy the schema's `type`? (No type: anything goes.) */
function typeFits(schema: SchemaObject | undefined, value: unknown): boolean {
  const types = typesOf(schema);
  if (types.length === 0) return true;
  const t = jsonType(value);
  return types.includes(t) || (t === "integer" && types.includes("number"));
}

// ---------------------------------------------------------------- wording

function nounFor(type: string, schema: SchemaObject, format: ConfigDocument["format"]): string {
  switch (type) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "integer":
      return "a whole number";
    case "boolean":
      return "true or false";
    case "null":
      return "null";
    case "array": {
      const noun = format === "yaml" ? "a list" : "an array";
      const items = isObject(schema.items) ? typesOf(schema.items) : [];
      return items.length === 1 ? `${noun} of ${plural(items[0]!)}` : noun;
    }
    case "object": {
      const noun = format === "toml" ? "a table" : format === "yaml" ? "a mapping" : "an object";
      const values = isObject(schema.additionalProperties) ? typesOf(schema.additionalProperties) : [];
      if (!isObject(schema.properties) && values.length > 0) return `${noun} of names to ${values.map(plural).join(" or ")}`;
      return noun;
    }
    default:
      return type;
  }
}

function plural(type: string): string {
  return { string: "strings", number: "numbers", integer: "whole numbers", boolean: "booleans", null: "nulls", object: "objects", array: "arrays" }[type] ?? type;
}

function expectedText(schema: SchemaObject, format: ConfigDocument["format"]): string {
  const types = typesOf(schema);
  if (types.length === 0) return "a different kind of value";
  const nouns = types.filter((t) => !(t === "integer" && types.includes("number"))).map((t) => nounFor(t, schema, format));
  return nouns.length <= 2 ? nouns.join(" or ") : `${nouns.slice(0, -1).join(", ")} or ${nouns[nouns.length - 1]}`;
}

/** An example value written in the document's own syntax (flow style). */
function exampleText(example: unknown, format: ConfigDocument["format"]): string {
  if (Array.isArray(example)) return `[${example.map((e) => exampleText(e, format)).join(", ")}]`;
  if (isObject(example)) {
    const entries = Object.entries(example);
    if (format === "toml") return `{ ${entries.map(([k, v]) => `${/^[A-Za-z0-9_-]+$/.test(k) ? k : quote(k)} = ${exampleText(v, format)}`).join(", ")} }`;
    return `{${entries.map(([k, v]) => `${quote(k)}: ${exampleText(v, format)}`).join(", ")}}`;
  }
  return JSON.stringify(example);
}

/** `Name = value` / `"name": value` / `name: value` in the document's syntax. */
function memberExample(format: ConfigDocument["format"], key: string, value: unknown): string {
  const v = exampleText(value, format);
  if (format === "toml") return `${key} = ${v}`;
  if (format === "yaml") return `${key}: ${v}`;
  return `${quote(key)}: ${v}`;
}

function hintOf(schema: unknown): string {
  return isObject(schema) && typeof schema["x-hint"] === "string" ? ` ${schema["x-hint"]}` : "";
}

/** Keys people use as comments in JSON files. */
const COMMENT_KEY = /^(\/\/.*|#.*|_.*|\$comment|comments?)$/i;
/** Lists whose empty value is the client's default anyway. */
const EMPTY_LIST_KEYS = new Set(["autoApprove", "alwaysAllow", "disabledTools", "alwaysAllowTools", "trust", "watchPaths"]);

/**
 * A key whose value changes nothing in a client that ignores unknown keys: a comment key, `disabled: false` /
 * `enabled: true` (what every client does anyway), an empty auto-approve list, or a `type` that names the transport
 * the entry's other keys already imply.
 */
function isNoOp(key: string, value: unknown, object: unknown): boolean {
  if (COMMENT_KEY.test(key) && typeof value !== "object") return true;
  if (key === "disabled" && value === false) return true;
  if (key === "enabled" && value === true) return true;
  if (EMPTY_LIST_KEYS.has(key) && Array.isArray(value) && value.length === 0) return true;
  if (key === "type" && typeof value === "string" && isObject(object)) {
    if (value === "stdio" && typeof object.command === "string") return true;
  }
  return false;
}

// ---------------------------------------------------------------- the rule

export const validSchema = defineConfigRule<MessageId, Options>({
  meta: {
    id: "valid-schema",
    description: "Keys and values must be ones the client accepts: known keys, the right types, allowed values",
    severity: "error",
    recommended: true,
    hasSuggestions: true,
    messages: {
      unknownKey: "{{client}} does not know {{key}} {{where}} and {{effect}}.{{advice}}",
      keyVariant: "{{key}} is not {{expected}} (it has {{difference}}): {{client}} matches keys exactly and {{effect}}. Rename it to {{expected}}.",
      foreignKey: "{{key}} is {{owners}}: {{client}} does not know it and {{effect}}. {{advice}}",
      wrongType: "{{client}} expects {{subject}} to be {{expected}}{{example}}.{{hint}}",
      badValue: "{{client}} does not accept {{value}} for {{subject}}: use {{allowed}}.{{hint}}",
      constraint: "{{client}} requires {{subject}} to {{requirement}}.{{hint}}",
      missing: "{{client}} requires {{key}} {{where}}: add it.{{hint}}",
      notAllowed: "{{client}} does not allow {{key}} {{where}}: remove it.{{hint}}",
    },
    schema: [
      {
        type: "object",
        properties: { allowKeys: { type: "array", items: { type: "string" }, description: "Keys never reported as unknown." } },
        additionalProperties: false,
      },
    ],
    defaultOptions: { allowKeys: [] },
  },
  check(context) {
    const { document, dialect } = context;
    // An empty file (no value at all) is the syntax and root-key rules' business; a written `null` is a wrong root.
    if (document.value === undefined) return;
    const validate = validatorFor(dialect);
    if (validate(document.value)) return;
    new Interpreter(context.document, dialect, context.servers.map((s) => ({ pointer: s.pointer, name: s.name })), context.options).run(
      validate.errors ?? [],
      context.report,
    );
  },
});

interface Rename {
  to: string;
  fix: Fix;
}

interface Pending {
  priority: number;
  report: Report;
}

/** Priority of an error at a value: one problem, one finding (the most helpful one). */
const PRIORITY: Record<string, number> = { enum: 5, const: 4, type: 3 };

class Interpreter {
  private readonly effect: string;
  /** The client skips keys it does not know (rather than refusing the file or the server). */
  private readonly ignoresUnknown: boolean;
  private readonly containers: Set<string>;
  private readonly serverNames: Map<string, string>;
  private readonly allowKeys: Set<string>;
  /** Keys an unknown key was taken for, per object: a "missing" report for the same key would be the same problem. */
  private readonly meant = new Map<string, Set<string>>();

  constructor(
    private readonly doc: ConfigDocument,
    private readonly dialect: Dialect,
    servers: Array<{ pointer: string; name: string }>,
    options: Partial<Options>,
  ) {
    const unknownKeys = (dialect.schema as SchemaObject)["x-unknownKeys"];
    this.effect = unknownKeys === "rejected" ? "rejects it" : "ignores it";
    this.ignoresUnknown = unknownKeys !== "rejected";
    const locator = dialect.servers.pointers;
    this.containers = new Set(typeof locator === "function" ? locator(doc.value) : locator);
    this.serverNames = new Map(servers.map((s) => [s.pointer, s.name]));
    this.allowKeys = new Set(Array.isArray(options.allowKeys) ? options.allowKeys : []);
  }

  run(errors: ErrorObject[], report: (d: Report) => void): void {
    const pending = new Map<string, Pending>();
    const required: Array<{ at: string; key: string; report: Report }> = [];
    const add = (slot: string, priority: number, r: Report | undefined) => {
      if (!r) return;
      const current = pending.get(slot);
      if (!current || priority > current.priority) pending.set(slot, { priority, report: r });
    };
    for (const error of errors) {
      const at = error.instancePath;
      switch (error.keyword) {
        case "additionalProperties": {
          const key = String((error.params as { additionalProperty: string }).additionalProperty);
          add(`key:${joinPointer(at, key)}`, 1, this.unknownKey(at, key, error.parentSchema as SchemaObject, false));
          break;
        }
        case "x-nearMiss": {
          const params = error.params as unknown as NearMissParams;
          add(`key:${joinPointer(at, params.key)}`, 1, this.unknownKey(at, params.key, (error.parentSchema ?? {}) as SchemaObject, true, params.candidates));
          break;
        }
        case "required": {
          const key = String((error.params as { missingProperty: string }).missingProperty);
          required.push({ at, key, report: this.objectReport(at, "missing", { key: q(key), where: this.where(at) }, hintOf(error.parentSchema)) });
          break;
        }
        case "false schema": {
          const key = splitPointer(at).at(-1) ?? "";
          const owner = parentPointer(at);
          add(`key:${at}`, 1, { messageId: "notAllowed", data: { client: this.dialect.client, key: q(key), where: this.where(owner), hint: "" }, pointer: at, part: "key" });
          break;
        }
        case "type":
          add(`value:${at}`, PRIORITY.type!, this.wrongType(at, error.parentSchema as SchemaObject));
          break;
        case "enum":
          add(`value:${at}`, PRIORITY.enum!, this.badValue(at, (error.params as { allowedValues: unknown[] }).allowedValues, error.parentSchema as SchemaObject));
          break;
        // Cascades: the failing branch's own errors are reported instead.
        case "if":
        case "then":
        case "else":
        case "allOf":
        case "anyOf":
        case "oneOf":
        case "$ref":
          break;
        default:
          add(`value:${at}`, PRIORITY[error.keyword] ?? 2, this.constraint(at, error));
      }
    }
    for (const r of required) {
      if (!this.meant.get(r.at)?.has(r.key)) add(`required:${r.at}:${r.key}`, 1, r.report);
    }
    for (const { report: r } of pending.values()) report(r);
  }

  private noteMeant(objectPointer: string, keys: string[]): void {
    const set = this.meant.get(objectPointer) ?? new Set<string>();
    for (const k of keys) set.add(k);
    this.meant.set(objectPointer, set);
  }

  // ---------------------------------------------------------------- places

  private isServer(pointer: string): boolean {
    return pointer !== "" && this.containers.has(parentPointer(pointer));
  }

  /** "at the top level", `in server "github"`, `in "oauth"`, `in item 2 of "inputs"`. */
  private where(objectPointer: string): string {
    if (objectPointer === "") return "at the top level";
    if (this.isServer(objectPointer)) {
      const name = this.serverNames.get(objectPointer) ?? splitPointer(objectPointer).at(-1) ?? "";
      const shown = /^#\d+$/.test(name) ? "" : q(name, "");
      return shown ? `in server ${shown}` : "in this server entry";
    }
    const segs = splitPointer(objectPointer);
    const last = segs.at(-1)!;
    if (/^\d+$/.test(last) && segs.length >= 2) return `in item ${Number(last) + 1} of ${q(segs.at(-2)!)}`;
    return `in ${q(last)}`;
  }

  /** What a value is called in a message: `"args"`, `item 2 of "args"`, `"PORT" in "env"`, `server "github"`. */
  private subject(pointer: string): string {
    if (pointer === "") return "the file";
    const segs = splitPointer(pointer);
    const last = segs.at(-1)!;
    const parent = parentPointer(pointer);
    if (this.isServer(pointer)) {
      const name = this.serverNames.get(pointer) ?? last;
      return /^\d+$/.test(last) ? `server entry ${Number(last) + 1}` : `server ${q(name, "")}`.trimEnd();
    }
    if (/^\d+$/.test(last) && Array.isArray(valueAt(this.doc.value, parent))) {
      return `item ${Number(last) + 1} of ${q(segs.at(-2) ?? "the list")}`;
    }
    if (parent === "" || this.isServer(parent)) return q(last);
    const parentLast = segs.at(-2)!;
    if (/^\d+$/.test(parentLast)) return `${q(last)} in item ${Number(parentLast) + 1} of ${q(segs.at(-3) ?? "the list")}`;
    return `${q(last)} in ${q(parentLast)}`;
  }

  /** A report about an object as a whole (a missing key): at its key, or its first character. */
  private objectReport(pointer: string, messageId: "missing", data: Record<string, string>, hint: string): Report {
    const base = { messageId, data: { client: this.dialect.client, ...data, hint } } as const;
    if (this.doc.memberAt(pointer)) return { ...base, pointer, part: "key" };
    const node = this.doc.nodeAt(pointer);
    const start = node ? node.range[0] : 0;
    return { ...base, pointer, range: [start, Math.min(start + 1, this.doc.text.length)] };
  }

  private valueRange(pointer: string): OffsetRange | undefined {
    if (pointer !== "") return undefined;
    const node = this.doc.nodeAt("");
    const start = node ? node.range[0] : 0;
    return [start, Math.min(start + 1, this.doc.text.length)];
  }

  // ---------------------------------------------------------------- unknown keys

  private unknownKey(objectPointer: string, key: string, objectSchema: SchemaObject, open: boolean, nearMisses?: string[]): Report | undefined {
    if (this.allowKeys.has(key)) return undefined;
    const pointer = joinPointer(objectPointer, key);
    const value = valueAt(this.doc.value, pointer);
    // A key the client ignores and whose value changes nothing anyway (a comment, `disabled: false`, an empty
    // auto-approve list) is not worth a finding: severity policy, docs/severity.md.
    if (this.ignoresUnknown && isNoOp(key, value, valueAt(this.doc.value, objectPointer))) return undefined;
    const object = valueAt(this.doc.value, objectPointer);
    if (objectPointer === "" && this.rootKeyRuleReports(key, value)) return undefined;

    const props = isObject(objectSchema.properties) ? (objectSchema.properties as Record<string, SchemaObject>) : {};
    const known = Object.keys(props).filter((k) => k !== "$schema");
    const client = this.dialect.client;
    const where = this.where(objectPointer);
    const base = { client, key: q(key), where, effect: this.effect };
    const rename = (to: string) => this.renameSuggestion(pointer, key, to, value, props[to], object);

    // 1. The same key with stray spaces, other capitals or other separators: `"httpUrl "`, `Command`, `env_file`.
    const variant = (nearMisses ?? known).find((k) => normaliseKey(k) === normaliseKey(key));
    if (variant) {
      this.noteMeant(objectPointer, [variant]);
      const difference = { whitespace: "extra whitespace", case: "different capitals", separators: "different separators" }[spellingDifference(key, variant)];
      return this.keyReport(pointer, "keyVariant", { ...base, expected: JSON.stringify(variant), difference }, rename(variant));
    }

    // 2. A key another client uses for this (or for something this client has no setting for).
    const inEntry = objectSchema["x-serverEntry"] === true;
    if (inEntry && !open) {
      const foreign = this.foreignKey(key, value, props, base, rename, pointer);
      if (foreign) return foreign;
    }

    // 3. A typo of a known key.
    let matches = nearMisses ?? closestMatches(key, known);
    if (matches.length === 0 && inEntry && !open) {
      // A typo of another client's spelling (`enviroment`): offer this client's own key for that setting.
      const foreign = closestMatches(key, allForeignKeys(this.dialect), false);
      const mapped = new Set(foreign.flatMap((f) => this.ownKeysFor(f, props)));
      matches = [...mapped];
    }
    if (matches.length > 0) {
      this.noteMeant(objectPointer, matches);
      const advice = ` Did you mean ${list(matches, 3)}?`;
      return this.keyReport(pointer, "unknownKey", { ...base, advice }, matches.length === 1 ? rename(matches[0]!) : undefined);
    }
    if (open) return undefined;
    const advice = known.length > 0 ? ` Remove it, or use a key ${client} knows: ${list(known, 8)}.` : " Remove it.";
    return this.keyReport(pointer, "unknownKey", { ...base, advice }, undefined);
  }

  private foreignKey(
    key: string,
    value: unknown,
    props: Record<string, SchemaObject>,
    base: Record<string, string>,
    rename: (to: string) => Rename | undefined,
    pointer: string,
  ): Report | undefined {
    const owners = ownersOf(key, this.dialect);
    const concept = conceptOf(key);
    const opposite = OPPOSITE_FLAGS[key];
    if (owners.length === 0 && !concept) return undefined;
    const messageId = owners.length > 0 ? "foreignKey" : "unknownKey";
    const ownerText = ownersPhrase(owners);
    const client = this.dialect.client;
    const format = this.doc.format;

    let advice: string;
    let fix: Rename | undefined;
    if (opposite && props[opposite]) {
      this.noteMeant(parentPointer(pointer), [opposite]);
      const flag = typeof value === "boolean" ? !value : key === "disabled" ? false : true;
      advice = `Use ${memberExample(format, opposite, flag)} instead (the opposite flag).`;
    } else if (concept?.id === "args" && this.dialect.commandIsArray) {
      advice = `Put the arguments after the program in "${this.dialect.keys.command}", e.g. ${exampleText(["npx", "-y", "some-mcp-server"], format)}.`;
    } else {
      const own = this.ownKeysFor(key, props);
      this.noteMeant(parentPointer(pointer), own);
      if (own.length === 0) {
        advice = concept?.id === "type" ? `${client} infers the transport from the other keys: remove it.` : `${client} has no equivalent: remove it.`;
      } else {
        const note = concept && !concept.renameSafe && concept.note ? ` (${concept.note})` : "";
        advice = `Use ${list(own, 2)} instead${note}.${own.length === 1 ? hintOf(props[own[0]!]) : ""}`;
        if (own.length === 1 && concept?.renameSafe) fix = rename(own[0]!);
      }
    }
    if (messageId === "unknownKey") advice = ` ${advice}`;
    return this.keyReport(pointer, messageId, { ...base, owners: ownerText, advice }, fix);
  }

  /** This client's keys for the setting `key` stands for (its canonical URL key first). */
  private ownKeysFor(key: string, props: Record<string, SchemaObject>): string[] {
    const concept = conceptOf(key);
    if (!concept) return [];
    const own = concept.keys.filter((k) => k !== key && props[k] !== undefined);
    if (concept.id === "url") {
      const canonical = this.dialect.keys.url[0];
      if (canonical && own.includes(canonical)) return [canonical];
    }
    return own;
  }

  /** The root-key rule already reports another client's root key when this client's own is missing. */
  private rootKeyRuleReports(key: string, value: unknown): boolean {
    if (!FOREIGN_ROOT_KEYS.has(key) && !dialects.some((d) => d.rootKeys.includes(key))) return false;
    if (this.dialect.rootKeys.length === 0) return false;
    const root = this.doc.value;
    if (isObject(root) && this.dialect.rootKeys.some((k) => k in root)) return false;
    return typeof value === "object" && value !== null;
  }

  private keyReport(pointer: string, messageId: MessageId, data: Record<string, string>, rename: Rename | undefined): Report {
    const from = splitPointer(pointer).at(-1) ?? "";
    return {
      messageId,
      data: { advice: "", ...data },
      pointer,
      part: "key",
      // A key the client ignores does not make it fail: a warning at most (an error only where the client rejects it).
      ...(this.ignoresUnknown ? { maxSeverity: "warning" as const } : {}),
      ...(rename ? { suggestions: [{ desc: `Rename ${q(from)} to ${JSON.stringify(rename.to)}`, fix: rename.fix }] } : {}),
    };
  }

  /** Renames the key, when that keeps the value valid and does not collide with an existing key. */
  private renameSuggestion(pointer: string, from: string, to: string, value: unknown, target: SchemaObject | undefined, object: unknown): Rename | undefined {
    if (isObject(object) && Object.prototype.hasOwnProperty.call(object, to)) return undefined;
    if (!typeFits(target, value)) return undefined;
    const member = this.doc.memberAt(pointer);
    if (!member || member.key !== from) return undefined;
    const [start, end] = member.keyRange;
    const text = this.doc.text;
    if (this.doc.format === "toml") {
      // A key that is part of a table header may be spelled in several headers: renaming one would split the table.
      const lineStart = text.lastIndexOf("\n", start - 1) + 1;
      if (text.slice(lineStart, start).trimStart().startsWith("[")) return undefined;
    }
    const written = text.slice(start, end);
    let replacement: string;
    if (written.startsWith('"') || this.doc.format === "json") replacement = quote(to);
    else if (written.startsWith("'") && !to.includes("'")) replacement = `'${to}'`;
    else replacement = keyText(this.doc, to);
    return { to, fix: { range: [start, end], text: replacement } };
  }

  // ---------------------------------------------------------------- values

  private wrongType(pointer: string, schema: SchemaObject): Report {
    const format = this.doc.format;
    const expected = expectedText(schema, format);
    const examples = Array.isArray(schema.examples) ? schema.examples : [];
    const example = examples.length > 0 ? `, e.g. ${exampleText(examples[0], format)}` : "";
    const value = valueAt(this.doc.value, pointer);
    let hint = hintOf(schema);
    const types = typesOf(schema);
    if (types.includes("string") && (typeof value === "number" || typeof value === "boolean")) hint = ` Quote the value.${hint}`;
    else if (types.length === 1 && types[0] === "array" && typeof value === "string" && isObject(schema.items) && typesOf(schema.items).includes("string")) {
      hint = ` Put each part in its own item.${hint}`;
    }
    // `env_vars` written inside the `env` table (Codex), `args` inside `env`...: a setting of the server, one level too deep.
    const segs = splitPointer(pointer);
    const owner = parentPointer(parentPointer(pointer));
    if (segs.length >= 3 && this.isServer(owner) && entryKeysOf(this.dialect).has(segs.at(-1)!)) {
      hint = ` ${q(segs.at(-1)!)} belongs directly in the server entry, not inside ${q(segs.at(-2)!)}.`;
    }
    const range = this.valueRange(pointer);
    return {
      messageId: "wrongType",
      data: { client: this.dialect.client, subject: this.subject(pointer), expected, example, hint },
      pointer,
      part: "value",
      ...(range ? { range } : {}),
    };
  }

  private badValue(pointer: string, allowed: unknown[], schema: SchemaObject): Report {
    const value = valueAt(this.doc.value, pointer);
    const shownValue = typeof value === "string" ? echo(value, "this value") : "this value";
    const allowedText = allowed.length === 1 ? JSON.stringify(allowed[0]) : `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`;
    const guess = typeof value === "string" ? this.guessValue(pointer, value, allowed.filter((a): a is string => typeof a === "string")) : undefined;
    const hint = guess !== undefined ? ` Did you mean ${JSON.stringify(guess)}?` : hintOf(schema);
    const fix = guess !== undefined ? replaceValue(this.doc, pointer, quote(guess)) : undefined;
    return {
      messageId: "badValue",
      data: { client: this.dialect.client, value: shownValue, subject: this.subject(pointer), allowed: allowedText, hint },
      pointer,
      part: "value",
      ...(fix ? { suggestions: [{ desc: `Replace with ${JSON.stringify(guess)}`, fix }] } : {}),
    };
  }

  /** The allowed value the author most likely meant: the same transport in this client's spelling, or a near miss. */
  private guessValue(pointer: string, value: string, allowed: string[]): string | undefined {
    const key = splitPointer(pointer).at(-1);
    if (key === this.dialect.keys.type || key === "type" || key === "transportType") {
      const transport = transportOfSpelling(value);
      if (transport) {
        const same = allowed.filter((a) => (this.dialect.types[a] ?? transportOfSpelling(a)) === transport);
        const canonical = this.dialect.canonicalType?.[transport];
        if (canonical && same.includes(canonical)) return canonical;
        if (same.length >= 1) return same[0];
      }
    }
    const lower = value.trim().toLowerCase();
    const normalised = normaliseKey(value);
    const exact = allowed.find((a) => a.toLowerCase() === lower || normaliseKey(a) === normalised);
    if (exact) return exact;
    let best: string | undefined;
    let bestDistance = Infinity;
    let tied = false;
    for (const a of allowed) {
      const d = damerauDistance(lower, a.toLowerCase(), 2); // no more than 2 is ever accepted below
      if (d < bestDistance) [best, bestDistance, tied] = [a, d, false];
      else if (d === bestDistance) tied = true;
    }
    return best !== undefined && !tied && bestDistance <= (best.length >= 6 ? 2 : 1) ? best : undefined;
  }

  private constraint(pointer: string, error: ErrorObject): Report {
    const params = error.params as Record<string, unknown>;
    const schema = error.parentSchema as SchemaObject;
    let requirement: string;
    switch (error.keyword) {
      case "const":
        requirement = `be ${JSON.stringify(params.allowedValue)}`;
        break;
      case "minLength":
        requirement = params.limit === 1 ? "not be empty" : `be at least ${String(params.limit)} characters long`;
        break;
      case "maxLength":
        requirement = `be at most ${String(params.limit)} characters long`;
        break;
      case "pattern":
        requirement = `match the pattern ${String(params.pattern)}`;
        break;
      case "minimum":
        requirement = `be at least ${String(params.limit)}`;
        break;
      case "maximum":
        requirement = `be at most ${String(params.limit)}`;
        break;
      case "exclusiveMinimum":
        requirement = `be greater than ${String(params.limit)}`;
        break;
      case "exclusiveMaximum":
        requirement = `be less than ${String(params.limit)}`;
        break;
      case "minItems":
        requirement = params.limit === 1 ? "have at least one item" : `have at least ${String(params.limit)} items`;
        break;
      case "maxItems":
        requirement = `have at most ${String(params.limit)} items`;
        break;
      case "uniqueItems":
        requirement = "list each item once";
        break;
      case "format":
        requirement = params.format === "uri" ? "be an absolute URL (with a scheme, e.g. https://)" : `be a valid ${String(params.format)}`;
        break;
      case "not": {
        const not = isObject(schema.not) ? schema.not : {};
        requirement = "const" in not ? `not be ${JSON.stringify(not.const)}` : "be a different value";
        break;
      }
      default:
        requirement = "have a different value";
    }
    const range = this.valueRange(pointer);
    return {
      messageId: "constraint",
      data: { client: this.dialect.client, subject: this.subject(pointer), requirement, hint: hintOf(schema) },
      pointer,
      part: "value",
      ...(range ? { range } : {}),
    };
  }
}

// ---------------------------------------------------------------- other clients' keys

let entryKeysByDialect: Map<string, Set<string>> | undefined;

function entryKeys(): Map<string, Set<string>> {
  return (entryKeysByDialect ??= new Map(dialects.map((d) => [d.id, serverEntryKeys(d)])));
}

function entryKeysOf(dialect: Dialect): Set<string> {
  const known = entryKeys().get(dialect.id);
  return known && getDialect(dialect.id) === dialect ? known : serverEntryKeys(dialect);
}

/** Clients (other than this one, and other than the catch-all formats) whose server entries have this key. */
function ownersOf(key: string, dialect: Dialect): string[] {
  const out: string[] = [];
  for (const d of dialects) {
    if (d.id === dialect.id || d.id === "generic" || d.id === "mcp-registry") continue;
    if (entryKeys().get(d.id)?.has(key) && !out.includes(d.client)) out.push(d.client);
  }
  return out;
}

function allForeignKeys(dialect: Dialect): string[] {
  const own = entryKeys().get(dialect.id) ?? new Set<string>();
  const out = new Set<string>();
  for (const d of dialects) {
    if (d.id === dialect.id || d.id === "mcp-registry") continue;
    for (const k of entryKeys().get(d.id) ?? []) if (!own.has(k)) out.add(k);
  }
  return [...out];
}

/** "a Windsurf setting", "an opencode setting", "a setting of Claude Code, Cursor and 10 other clients". */
function ownersPhrase(owners: string[]): string {
  if (owners.length > 3) return `a setting of ${owners.slice(0, 2).join(", ")} and ${owners.length - 2} other clients`;
  const joined = owners.length === 1 ? owners[0]! : `${owners.slice(0, -1).join(", ")} and ${owners[owners.length - 1]}`;
  return `${/^[aeiou]/i.test(joined) ? "an" : "a"} ${joined} setting`;
}
