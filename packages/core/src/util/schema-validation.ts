import type { Ajv, ErrorObject, KeywordCxt, ValidateFunction } from "ajv";
import type { Dialect } from "../dialects/types.js";
import { loadAjv } from "./lazy-cjs.js";
import { formats, isObject, nearMissErrors, nearMissFound, schemaFingerprint, type SchemaObject } from "./schema-runtime.js";
import { configValidators, dialectValidators } from "../schemas/validators.generated.js";

/**
 * The dialects' JSON Schemas (draft-07), validated with ajv.
 *
 * The schemas use a few annotations of mcp-lint's own, registered here:
 * - `x-unknownKeys` (root): "rejected" when the client refuses unknown keys, "ignored" when it drops them silently;
 * - `x-serverEntry`: marks the schema of one server entry (used to tell other clients' keys apart);
 * - `x-hint`: one sentence appended to messages about that value;
 * - `x-nearMiss` (validating): on an object that allows unknown keys, still reports keys that are a near miss
 *   of a known one (`true`: the object's `properties`; an array: those keys).
 *
 * At run time the validators are not compiled: scripts/precompute.mjs compiles every schema in
 * packages/core/src/schemas/ with the ajv instances below into ajv's standalone code
 * (../schemas/validators.generated.ts), so a run loads neither ajv's compiler nor its code generator. A schema
 * that was not precompiled (a dialect made elsewhere) is compiled on first use, as before.
 */

export type { NearMissParams, SchemaObject } from "./schema-runtime.js";

/**
 * `x-nearMiss` as a code keyword: the generated code calls schema-runtime.ts's `nearMissErrors` (named
 * `runtime.nearMissErrors` in the standalone code) and appends its errors, which are the objects the former
 * validating-function keyword gave: ajv's `funcKeywordCode` + `extendErrors` with `errors: true`, in `allErrors`
 * mode (test/core/schema-standalone.test.ts compares both on every fixture and on generated documents).
 */
function nearMissCode(cxt: KeywordCxt): void {
  const { _, str, Name } = loadAjv();
  // ajv's names of the generated function's variables (ajv/dist/compile/names.ts).
  const vErrors = new Name("vErrors");
  const errorCount = new Name("errors");
  const instancePath = new Name("instancePath");
  const { gen, data, it, keyword } = cxt;
  const fn = gen.scopeValue("func", { ref: nearMissErrors, code: _`runtime.nearMissErrors` });
  const errs = gen.const(
    "nearMiss",
    _`${fn}(${cxt.schemaValue}, ${data}, ${it.topSchemaRef}${it.schemaPath}, ${str`${instancePath}${it.errorPath}`}, ${str`${it.errSchemaPath}/${keyword}`}, ${it.opts.verbose === true})`,
  );
  gen.if(_`${errs} !== null`, () => gen.assign(vErrors, _`${vErrors} === null ? ${errs} : ${vErrors}.concat(${errs})`).assign(errorCount, _`${vErrors}.length`));
}

/**
 * The former `x-nearMiss` definition, a validating function keyword (`validate.errors`). Not used to validate: kept
 * as the reference the precompiled code keyword is checked against (test/core/schema-standalone.test.ts).
 */
export function nearMissFunctionKeyword() {
  const nearMiss = (schema: boolean | string[], data: unknown, parentSchema?: SchemaObject): boolean => {
    const errors: Array<Partial<ErrorObject>> = nearMissFound(schema, data, parentSchema);
    (nearMiss as typeof nearMiss & { errors?: Array<Partial<ErrorObject>> }).errors = errors;
    return errors.length === 0;
  };
  return { keyword: "x-nearMiss", type: "object" as const, schemaType: ["boolean" as const, "array" as const], errors: true, validate: nearMiss };
}

/** Options of the ajv instance that compiles the dialects' schemas (and of the one that generates their code). */
export interface SchemaAjvOptions {
  /** Strict mode (tests): misspelt schema keywords throw, and schemas are checked against draft-07's meta-schema. */
  strict?: boolean;
  /** Keep the generated source for ajv's `standaloneCode` (scripts/precompute.mjs). */
  source?: boolean;
  /** The former validating-function `x-nearMiss` instead of the code keyword (the equivalence test's reference). */
  functionKeyword?: boolean;
}

/** `code` option for a generating instance: formats are taken from schema-runtime.ts, lines kept for diffs. */
function codeOptions(source: boolean | undefined) {
  return source ? { code: { source: true, lines: true, formats: loadAjv()._`runtime.formats` } } : {};
}

let shared: Ajv | undefined;

export function schemaAjv(options: SchemaAjvOptions = {}): Ajv {
  const make = () => {
    // Strict mode (tests) catches misspelt schema keywords; type/required style checks stay off, and the schemas are
    // validated against draft-07's meta-schema. Otherwise that check is off (`validateSchema: false`): the schemas
    // are ours and fixed (test/core/dialects.test.ts checks them in strict mode).
    const strict = options.strict
      ? { strictSchema: true, strictTuples: true, strictTypes: false, strictRequired: false }
      : { strict: false, validateSchema: false };
    const { Ajv } = loadAjv();
    const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, ...strict, ...codeOptions(options.source) });
    ajv.addVocabulary(["x-unknownKeys", "x-serverEntry", "x-hint"]);
    if (options.functionKeyword) ajv.addKeyword(nearMissFunctionKeyword());
    else ajv.addKeyword({ keyword: "x-nearMiss", type: "object", schemaType: ["boolean", "array"], code: nearMissCode });
    for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
    return ajv;
  };
  if (options.strict || options.source || options.functionKeyword) return make();
  return (shared ??= make());
}

/**
 * The ajv instance for mcp-lint.config.json's schema and the rules' options schemas (settings/settings.ts): first
 * error only. The config schema's validator is precompiled with it; the rules' options are compiled on use.
 */
export function configAjv(options: { source?: boolean } = {}): Ajv {
  const { Ajv } = loadAjv();
  return new Ajv({ allErrors: false, strict: false, validateSchema: false, ...codeOptions(options.source) });
}

type Factory = (root: object) => ValidateFunction;

/**
 * The precompiled validator of a schema (compiled by scripts/precompute.mjs with schemaAjv, or with configAjv for
 * `kind: "config"`), found by the schema's content and made on first use with that object as its root (errors'
 * `parentSchema` and `schema` point into it, as with a validator compiled at run time). Undefined when the schema
 * was not precompiled.
 */
const made = new Map<object, { kind: string; validate: ValidateFunction }>();
export function precompiledValidator(schema: object, kind: "dialect" | "config" = "dialect"): ValidateFunction | undefined {
  const hit = made.get(schema);
  if (hit && hit.kind === kind) return hit.validate;
  const factories = (kind === "config" ? configValidators : dialectValidators) as Map<string, Factory>;
  const make = factories.get(schemaFingerprint(schema));
  if (!make) return undefined;
  const validate = make(schema);
  made.set(schema, { kind, validate });
  return validate;
}

const cache = new Map<string, { schema: object; validate: ValidateFunction }>();

/** The validator of a dialect's schema: precompiled for the built-in dialects, else compiled once, on first use. */
export function validatorFor(dialect: Dialect): ValidateFunction {
  const hit = cache.get(dialect.id);
  if (hit && hit.schema === dialect.schema) return hit.validate;
  const validate = precompiledValidator(dialect.schema) ?? schemaAjv().compile(dialect.schema as SchemaObject);
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
