import type { ConfigDocument } from "../../document/document.js";
import { joinPointer, splitPointer } from "../../document/pointer.js";
import type { DocNode, Member } from "../../document/types.js";
import { findPlaceholders, valueSubrange } from "../../util/placeholders.js";
import { echo } from "../../util/secrets.js";
import { defineConfigRule } from "../types.js";

const INPUT = /^\$\{input:([^}]*)\}$/;

/**
 * Every string under `node` that could hold an `${input:…}` placeholder, with its pointer, in the order
 * of a depth-first walk (arrays in order; objects from the last member to the first, skipping keys a later
 * duplicate replaces, as for the plain value). Pointers are built only for those strings.
 */
function inputStrings(node: DocNode, base: string, path: Array<string | number>, out: Array<{ value: string; pointer: string }>): void {
  switch (node.type) {
    case "scalar":
      if (typeof node.value === "string" && node.value.indexOf("${input:") >= 0) out.push({ value: node.value, pointer: joinPointer(base, ...path) });
      return;
    case "array":
      for (let i = 0; i < node.items.length; i++) {
        path.push(i);
        inputStrings(node.items[i]!, base, path, out);
        path.pop();
      }
      return;
    case "object": {
      const members = node.members;
      // The last duplicate wins, as for the plain value.
      const seen = members.length > 16 ? new Set<string>() : undefined;
      for (let i = members.length - 1; i >= 0; i--) {
        const m = members[i]!;
        if (seen) {
          if (seen.has(m.key)) continue;
          seen.add(m.key);
        } else if (laterHasKey(members, i)) continue;
        path.push(m.key);
        inputStrings(m.value, base, path, out);
        path.pop();
      }
    }
  }
}

function laterHasKey(members: Member[], i: number): boolean {
  const key = members[i]!.key;
  for (let j = i + 1; j < members.length; j++) if (members[j]!.key === key) return true;
  return false;
}

function valueAt(value: unknown, segments: string[]): unknown {
  let cur = value;
  for (const s of segments) {
    if (typeof cur !== "object" || cur === null || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

interface InputUse {
  id: string;
  pointer: string;
  start: number;
  end: number;
}

function inputUses(doc: ConfigDocument, containers: string[]): InputUse[] {
  const out: InputUse[] = [];
  for (const container of containers) {
    const node = doc.nodeAt(container);
    if (!node) continue;
    const found: Array<{ value: string; pointer: string }> = [];
    inputStrings(node, container, [], found);
    for (const s of found) {
      for (const p of findPlaceholders(s.value)) {
        const m = INPUT.exec(p.text);
        if (m) out.push({ id: m[1]!, pointer: s.pointer, start: p.start, end: p.end });
      }
    }
  }
  return out.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : a.start - b.start));
}

export const noUndeclaredInput = defineConfigRule({
  meta: {
    id: "no-undeclared-input",
    description: 'VS Code `${input:id}` placeholders must match the `"inputs"` list, and every input must be used',
    severity: "error",
    recommended: true,
    messages: {
      undeclared:
        '{{placeholder}} has no entry in "inputs": VS Code cannot prompt for it and the server receives the literal text. Add {"type": "promptString", "id": {{idJson}}, "description": "…", "password": true} to "inputs".',
      unused: 'Input {{id}} is never used: no server references {{placeholder}}, so VS Code never asks for it. Reference it where the value is needed, or remove it.',
      duplicate: 'Input id {{id}} is declared more than once: VS Code uses only one of these entries. Remove or rename the duplicate.',
    },
    schema: [],
    defaultOptions: {},
  },
  check({ document, dialect, report }) {
    // VS Code's formats only: mcp.json ("/inputs") and the older settings.json block ("/mcp/inputs").
    const inputsPointer = dialect.inputsPointer;
    if (inputsPointer === undefined) return;
    const root = document.value;
    if (typeof root !== "object" || root === null || Array.isArray(root)) return;
    const inputs = valueAt(root, splitPointer(inputsPointer));

    const declared = new Map<string, string>();
    const duplicates: Array<{ id: string; pointer: string }> = [];
    if (Array.isArray(inputs)) {
      inputs.forEach((input, i) => {
        if (typeof input !== "object" || input === null || Array.isArray(input)) return;
        const id = (input as Record<string, unknown>).id;
        if (typeof id !== "string") return;
        const pointer = joinPointer(inputsPointer, i, "id");
        if (declared.has(id)) duplicates.push({ id, pointer });
        else declared.set(id, pointer);
      });
    }

    const containers = typeof dialect.servers.pointers === "function" ? dialect.servers.pointers(root) : dialect.servers.pointers;
    const uses = inputUses(document, containers);
    const used = new Set(uses.map((u) => u.id));

    for (const use of uses) {
      if (declared.has(use.id)) continue;
      const idText = echo(use.id, "");
      const placeholder = idText && use.id.length <= 60 ? `\${input:${use.id}}` : "This ${input:…} placeholder";
      const range = valueSubrange(document, use.pointer, use.start, use.end);
      report({
        messageId: "undeclared",
        data: { placeholder, idJson: idText || '"…"' },
        pointer: use.pointer,
        part: "value",
        ...(range ? { range } : {}),
      });
    }

    for (const [id, pointer] of declared) {
      if (used.has(id)) continue;
      const idText = echo(id, "");
      report({
        messageId: "unused",
        data: { id: idText || "this input", placeholder: idText && id.length <= 60 ? `\${input:${id}}` : "it" },
        pointer,
        part: "value",
      });
    }

    for (const dup of duplicates) {
      report({ messageId: "duplicate", data: { id: echo(dup.id, "(this id)") }, pointer: dup.pointer, part: "value" });
    }
  },
});
