import { enclosingFunction, isModuleLevel, keywordArg, positionalArgs, type PyFile } from "./analysis.js";
import type { Node } from "./parser.js";
import { decodedHead } from "./strings.js";

/**
 * The strings an argument is built from, as far as the file alone decides them:
 * a literal, the literal head of an f-string or of `"..." + x` (incomplete),
 * a module-level constant assigned once (`URL = "..."`), and the default of
 * `os.getenv("X", "...")` / `os.environ.get("X", "...")` / `x or "..."`.
 * Bounded: at most MAX_DEPTH indirections.
 */
export interface PyString {
  /** The literal node the text comes from (what a finding points at). */
  node: Node;
  value: string;
  /** False when only a head of the string is known (`f"http://{host}"`). */
  complete: boolean;
}

const MAX_DEPTH = 4;

export function stringsOf(file: PyFile, expr: Node | null | undefined, depth = 0): PyString[] {
  if (!expr || depth > MAX_DEPTH) return [];
  if (expr.type === "parenthesized_expression") return stringsOf(file, expr.namedChildren[0], depth + 1);
  if (expr.type === "string") {
    return [stringHead(expr)];
  }
  if (expr.type === "binary_operator" && expr.childForFieldName("operator")?.type === "+") {
    const left = stringsOf(file, expr.childForFieldName("left"), depth + 1);
    return left.map((s) => ({ ...s, complete: false }));
  }
  if (expr.type === "boolean_operator" && expr.childForFieldName("operator")?.type === "or") {
    return stringsOf(file, expr.childForFieldName("right"), depth + 1);
  }
  if (expr.type === "call") {
    const fallback = envDefault(expr);
    return fallback ? stringsOf(file, fallback, depth + 1) : [];
  }
  if (expr.type === "identifier") {
    const value = moduleConstant(file, expr);
    return value ? stringsOf(file, value, depth + 1) : [];
  }
  return [];
}

/** The decoded text of a string literal, or its literal head up to the first `{...}` of an f-string. */
function stringHead(node: Node): PyString {
  const head = decodedHead(node);
  return { node, value: head.text, complete: !head.cut };
}

/** `os.getenv("X", d)`, `os.environ.get("X", d)`, `environ.get("X", d)`: the default `d`. */
function envDefault(call: Node): Node | undefined {
  const callee = call.childForFieldName("function");
  const text = callee?.text.replace(/\s+/g, "");
  if (text !== "os.getenv" && text !== "os.environ.get" && text !== "getenv" && text !== "environ.get") return undefined;
  return positionalArgs(call)[1] ?? keywordArg(call, "default");
}

/** The value of a name assigned exactly once in the file, at module level, and not shadowed by a parameter of the function using it. */
function moduleConstant(file: PyFile, id: Node): Node | undefined {
  const name = id.text;
  let value: Node | undefined;
  let count = 0;
  for (const a of file.nodes("assignment")) {
    const left = a.childForFieldName("left");
    if (left?.type !== "identifier" || left.text !== name) continue;
    count++;
    if (count > 1) return undefined;
    if (!isModuleLevel(a)) return undefined;
    value = a.childForFieldName("right") ?? undefined;
  }
  if (!value) return undefined;
  for (let fn = enclosingFunction(id); fn; fn = enclosingFunction(fn)) {
    const params = fn.childForFieldName("parameters");
    if (params?.descendantsOfType("identifier").some((p) => p?.text === name)) return undefined;
  }
  return value;
}
