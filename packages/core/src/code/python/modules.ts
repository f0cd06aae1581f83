import type { PyFile } from "./analysis.js";
import type { Node } from "./parser.js";

/**
 * Import tracking for modules other than the MCP packages (the standard
 * library's `socket`, `asyncio`, `time`, `threading`, `subprocess`, and
 * `anyio`, `uvicorn`): PyFile tracks only `mcp` / `fastmcp` names, these are
 * resolved on demand for the rules that need them. Bounded like PyFile.qualify.
 */
export class ModuleNames {
  /** Local name → dotted name (`sleep` → `time.sleep`, `aio` → `asyncio`). */
  private readonly names = new Map<string, string>();

  constructor(
    private readonly file: PyFile,
    modules: readonly string[],
  ) {
    const tracked = (m: string): boolean => modules.includes(m.split(".")[0]!);
    for (const stmt of file.nodes("import_statement")) {
      for (const child of stmt.namedChildren) {
        if (child?.type === "dotted_name") {
          const full = child.text.replace(/\s+/g, "");
          if (tracked(full)) this.names.set(full.split(".")[0]!, full.split(".")[0]!);
        } else if (child?.type === "aliased_import") {
          const name = child.childForFieldName("name");
          const alias = child.childForFieldName("alias");
          if (name && alias && tracked(name.text)) this.names.set(alias.text, name.text.replace(/\s+/g, ""));
        }
      }
    }
    for (const stmt of file.nodes("import_from_statement")) {
      const moduleNode = stmt.childForFieldName("module_name");
      if (moduleNode?.type !== "dotted_name") continue;
      const module = moduleNode.text.replace(/\s+/g, "");
      if (!tracked(module)) continue;
      for (const child of stmt.namedChildren) {
        if (!child || child.id === moduleNode.id) continue;
        if (child.type === "dotted_name") this.names.set(child.text, `${module}.${child.text}`);
        else if (child.type === "aliased_import") {
          const name = child.childForFieldName("name");
          const alias = child.childForFieldName("alias");
          if (name && alias) this.names.set(alias.text, `${module}.${name.text}`);
        }
      }
    }
  }

  /** Some tracked module is imported. */
  get any(): boolean {
    return this.names.size > 0;
  }

  /** `time.sleep` for `sleep` after `from time import sleep`, `t.sleep` after `import time as t`; undefined otherwise. */
  qualify(expr: Node | null | undefined): string | undefined {
    const attrs: string[] = [];
    let n = expr;
    for (let i = 0; n && i < 16; i++) {
      if (n.type === "identifier") {
        const base = this.names.get(n.text);
        if (base === undefined) return undefined;
        return attrs.length === 0 ? base : `${base}.${attrs.reverse().join(".")}`;
      }
      if (n.type !== "attribute") return undefined;
      const attr = n.childForFieldName("attribute");
      if (!attr) return undefined;
      attrs.push(attr.text);
      n = n.childForFieldName("object");
    }
    return undefined;
  }

  /** The dotted name of a call's callee (`socket.socket(...)` → "socket.socket"). */
  callee(call: Node): string | undefined {
    return this.qualify(call.childForFieldName("function"));
  }

  /** Calls in the file whose callee is one of these dotted names. */
  calls(...names: string[]): Node[] {
    if (!this.any) return [];
    // Cheap text prefilter: a call of `a.b.name` needs `name` somewhere in the file.
    const lasts = new Set(names.map((n) => n.slice(n.lastIndexOf(".") + 1)).filter((last) => this.file.text.includes(last)));
    if (lasts.size === 0) return [];
    return this.file.nodes("call").filter((c) => {
      const callee = c.childForFieldName("function");
      const last = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.type === "identifier" ? callee.text : undefined;
      // An alias (`from time import sleep as wait`) hides the name: only known local names are cheap to skip.
      if (last === undefined || (!lasts.has(last) && !this.names.has(last))) return false;
      const q = this.qualify(callee);
      return q !== undefined && names.includes(q);
    });
  }
}
