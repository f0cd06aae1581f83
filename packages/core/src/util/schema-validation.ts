import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { Dialect } from "../dialects/types.js";
import { closestMatches } from "./similarity.js";

/**
 * Compiles and caches the dialects' JSON Schemas (draft-07) with ajv.
 *
 * The schemas use a few annotations of mcp-lint's own, registered here:
 * - `x-unknownKeys` (root): "rejected" when the client refuses unknown keys, "ignored" when it drops them silently;
 * - `x-serverEntry`: marks the schema of one server entry (used to tell other clients' keys apart);
 * - `x-hint`: one sentence appended to messages about that value;
 * - `x-nearMiss` (validating): on an object that allows unknown keys, still reports keys that are a near miss
 *   of a known one (`true`: the object's `properties`; an array: those keys).
 */

export type SchemaObject = Record<string, unknown>;

export interface NearMissParams {
  key: string;
  candidates: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The known keys and near-miss candidates of one x-nearMiss schema, worked out on its first use. */
interface NearMissKeys {
  schema: boolean | string[];
  properties: unknown;
  candidates: string[];
  known: Set<string>;
}

const nearMissKeys = new WeakMap<object, NearMissKeys>();
const NO_PARENT = {};

function keysOf(schema: boolean | string[], parentSchema: SchemaObject | undefined): NearMissKeys {
  const holder = parentSchema ?? NO_PARENT;
  const hit = nearMissKeys.get(holder);
  // Schemas are compiled once and never change; the checks only guard against a different schema at the same object.
  if (hit && hit.schema === schema && hit.properties === parentSchema?.properties) return hit;
  const properties = isObject(parentSchema?.properties) ? Object.keys(parentSchema.properties) : [];
  const candidates = schema === true ? properties : Array.isArray(schema) ? schema : [];
  const keys = { schema, properties: parentSchema?.properties, candidates, known: new Set([...properties, ...candidates]) };
  nearMissKeys.set(holder, keys);
  return keys;
}

function nearMiss(schema: boolean | string[], data: unknown, parentSchema?: SchemaObject): boolean {
  const validate = nearMiss as typeof nearMiss & { errors?: Array<Partial<ErrorObject>> };
  validate.errors = [];
  if (!isObject(data)) return true;
  const { candidates, known } = keysOf(schema, parentSchema);
  for (const key of Object.keys(data)) {
    if (known.has(key)) continue;
    const matches = closestMatches(key, candidates, true);
    if (matches.length === 0) continue;
    const params: NearMissParams = { key, candidates: matches };
    validate.errors.push({ keyword: "x-nearMiss", params: params as unknown as Record<string, unknown>, message: "near miss of a known key" });
  }
  return validate.errors.length === 0;
}

/** An absolute URI: a scheme and something after it (what JSON Schema's `uri` format means in practice). */
function isAbsoluteUri(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

let shared: Ajv | undefined;

export function schemaAjv(options: { strict?: boolean } = {}): Ajv {
  const make = () => {
    // Strict mode (tests) catches misspelt schema keywords; type/required style checks stay off, and the schemas are
    // validated against draft-07's meta-schema. At run time that check is off (`validateSchema: false`): the schemas
    // are ours and fixed (test/core/dialects.test.ts checks them in strict mode), and compiling the meta-schema's
    // validator was about a third of the CPU of a cold start on one config file.
    const strict = options.strict
      ? { strictSchema: true, strictTuples: true, strictTypes: false, strictRequired: false }
      : { strict: false, validateSchema: false };
    const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, ...strict });
    ajv.addVocabulary(["x-unknownKeys", "x-serverEntry", "x-hint"]);
    ajv.addKeyword({ keyword: "x-nearMiss", type: "object", schemaType: ["boolean", "array"], errors: true, validate: nearMiss });
    ajv.addFormat("uri", isAbsoluteUri);
    return ajv;
  };
  if (options.strict) return make();
  return (shared ??= make());
}

const cache = new Map<string, { schema: object; validate: ValidateFunction }>();

/** The compiled validator of a dialect's schema: compiled once per dialect id, on first use. */
export function validatorFor(dialect: Dialect): ValidateFunction {
  const hit = cache.get(dialect.id);
  if (hit && hit.schema === dialect.schema) return hit.validate;
  const validate = schemaAjv().compile(dialect.schema as SchemaObject);
  cache.set(dialect.id, { schema: dialect.schema, validate });
  return validate;
}

/** Every schema object with `x-serverEntry`, found by walking the schema. */
export function serverEntrySchemas(schema: unknown, out: SchemaObject[] = []): SchemaObject[] {
  if (Array.isArray(schema)) {
    for (const s of schema) serverEntrySchemas(s, out);
  } else if (isObject(schema)) {
    if (schema["x-serverEntry"] === true) out.push(schema);
    for (const [k, v] of Object.entries(schema)) {
      if (k !== "examples" && k !== "default" && k !== "const" && k !== "enum") serverEntrySchemas(v, out);
    }
  }
  return out;
}

/** The keys a dialect accepts in its server entries. */
export function serverEntryKeys(dialect: Dialect): Set<string> {
  const keys = new Set<string>();
  for (const s of serverEntrySchemas(dialect.schema)) {
    if (isObject(s.properties)) for (const k of Object.keys(s.properties)) keys.add(k);
  }
  return keys;
}
