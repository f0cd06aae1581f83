import { joinPointer } from "../../document/pointer.js";
import type { DocNode, Member, ObjectNode } from "../../document/types.js";
import { echo } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";

export const noDuplicateKeys = defineConfigRule({
  meta: {
    id: "no-duplicate-keys",
    description: "No key twice in the same object: the last one silently wins",
    severity: "error",
    recommended: true,
    messages: {
      duplicateServer:
        "The server {{name}} defined at line {{line}} is silently replaced by the one at line {{otherLine}}: only the last definition is used. Rename one of them, or delete the one you do not want.",
      duplicateKey:
        "{{what}} is defined again at line {{otherLine}}: only the last value is used, so this one is silently ignored. Remove one of them or merge them.",
      caseDuplicateServer:
        "Servers {{other}} (line {{otherLine}}) and {{name}} differ only in case, which is most likely the same server added twice. Remove one, or give them clearly different names if both are meant to run.",
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, report }) {
    const locator = dialect.servers;
    const containers = new Set(
      locator.kind === "map" ? (typeof locator.pointers === "function" ? locator.pointers(document.value) : locator.pointers) : [],
    );
    const lineOf = (m: Member) => document.lines.position(m.keyRange[0]).line;
    // Pointers are built only where needed: for objects as shallow as a server container, and for reports.
    let containerDepth = -1;
    for (const c of containers) containerDepth = Math.max(containerDepth, depthOf(c));
    const path: Array<string | number> = [];
    const pointerHere = (): string => joinPointer("", ...path);

    const visitObject = (node: ObjectNode): void => {
      const isServers = path.length <= containerDepth && containers.has(pointerHere());
      // Fast path (nearly every object): no two keys equal, even ignoring case.
      if (!mayHaveDuplicates(node.members, isServers)) {
        for (const m of node.members) {
          path.push(m.key);
          visit(m.value);
          path.pop();
        }
        return;
      }
      const pointer = pointerHere();
      const byKey = new Map<string, Member[]>();
      for (const m of node.members) {
        const list = byKey.get(m.key);
        if (list) list.push(m);
        else byKey.set(m.key, [m]);
      }
      for (const [key, members] of byKey) {
        if (members.length < 2) continue;
        const last = members[members.length - 1]!;
        for (const earlier of members.slice(0, -1)) {
          const shown = echo(key, "");
          report(
            isServers
              ? {
                  messageId: "duplicateServer",
                  data: { name: shown || "with this name", line: lineOf(earlier), otherLine: lineOf(last) },
                  pointer: joinPointer(pointer, key),
                  range: earlier.keyRange,
                }
              : {
                  messageId: "duplicateKey",
                  data: { what: shown ? `The key ${shown}` : "This key", otherLine: lineOf(last) },
                  pointer: joinPointer(pointer, key),
                  range: earlier.keyRange,
                },
          );
        }
      }
      if (isServers) {
        // Distinct spellings of one name ("GitHub", "github"): each later spelling against the first.
        const byFolded = new Map<string, Member[]>();
        for (const [key, members] of byKey) {
          const folded = key.toLowerCase();
          const effective = members[members.length - 1]!;
          const list = byFolded.get(folded);
          if (list) list.push(effective);
          else byFolded.set(folded, [effective]);
        }
        for (const spellings of byFolded.values()) {
          if (spellings.length < 2) continue;
          const sorted = [...spellings].sort((a, b) => a.keyRange[0] - b.keyRange[0]);
          const first = sorted[0]!;
          for (const later of sorted.slice(1)) {
            report({
              messageId: "caseDuplicateServer",
              data: { other: echo(first.key, "(one name)"), otherLine: lineOf(first), name: echo(later.key, "another spelling") },
              pointer: joinPointer(pointer, later.key),
              range: later.keyRange,
            });
          }
        }
      }
      for (const m of node.members) {
        path.push(m.key);
        visit(m.value);
        path.pop();
      }
    };

    const visit = (node: DocNode): void => {
      if (node.type === "object") visitObject(node);
      else if (node.type === "array") {
        for (let i = 0; i < node.items.length; i++) {
          path.push(i);
          visit(node.items[i]!);
          path.pop();
        }
      }
    };

    if (document.root) visit(document.root);
  },
});

/** Number of segments of a pointer ("" has none). */
function depthOf(pointer: string): number {
  if (pointer === "") return 0;
  let n = 0;
  for (let i = pointer.indexOf("/"); i >= 0; i = pointer.indexOf("/", i + 1)) n++;
  // splitPointer takes pointer.slice(1): a pointer not starting with "/" still has one segment more than its slashes.
  return pointer[0] === "/" ? n : n + 1;
}

/** Cheap pre-check without allocation for small objects; false means no duplicate (case-insensitive for servers). */
function mayHaveDuplicates(members: Member[], foldCase: boolean): boolean {
  const n = members.length;
  if (n > 32) return true;
  for (let i = 1; i < n; i++) {
    const a = members[i]!.key;
    for (let j = 0; j < i; j++) {
      const b = members[j]!.key;
      if (a === b || (foldCase && a.length === b.length && a.toLowerCase() === b.toLowerCase())) return true;
    }
  }
  return false;
}
