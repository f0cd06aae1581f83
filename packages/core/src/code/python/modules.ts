import { parseImport, qualifyChain, type PyFile } from "./analysis.js";
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
    for (const stmt of file.importStatements) {
      for (const [name, alias, module] of parseImport(stmt.text)) {
        if (module !== undefined) {
          if (tracked(module) && name !== "*") this.names.set(alias ?? name, `${module}.${name}`);
        } else if (tracked(name)) {
          if (alias) this.names.set(alias, name);
          else this.names.set(name.split(".")[0]!, name.split(".")[0]!);
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
    return qualifyChain(expr, (name) => this.names.get(name), 16);
  }

  /** qualify() for a dotted callee text (`t.sleep`). */
  qualifyText(dotted: string): string | undefined {
    const parts = dotted.split(".");
    const base = this.names.get(parts[0]!);
    if (base === undefined) return undefined;
    return parts.length === 1 ? base : `${base}.${parts.slice(1).join(".")}`;
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
    const out: Node[] = [];
    for (const c of this.file.calls) {
      const text = c.calleeText;
      const last = text.slice(text.lastIndexOf(".") + 1);
      // An alias (`from time import sleep as wait`) hides the name: only known local names are cheap to skip.
      if (!lasts.has(last) && !this.names.has(last)) continue;
      const q = this.qualifyText(text);
      if (q !== undefined && names.includes(q)) out.push(c.node);
    }
    return out;
  }
}
