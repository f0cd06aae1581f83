import { joinPointer } from "../../document/pointer.js";
import { ALL_KINDS, DEFAULT_KINDS, scanAgentText, signalSeverityCap } from "../../security/agent-text.js";
import { valueSubrange } from "../../util/placeholders.js";
import { defineConfigRule } from "../types.js";

/** server.json keys whose string values clients show to the model or the user (the registry's descriptions and titles). */
const REGISTRY_TEXT_KEYS = new Set(["description", "title"]);
const MAX_NODES = 10_000;
const MAX_DEPTH = 16;

export const noPromptInjection = defineConfigRule<"signal", { htmlComments?: boolean }>({
  meta: {
    id: "no-prompt-injection",
    description: "Text an agent reads (server.json descriptions, arguments, env and header values) must not carry hidden text or instructions aimed at the model (tool poisoning)",
    severity: "error",
    recommended: true,
    securitySeverity: 8.0,
    messages: {
      signal: "{{explanation}} This is how tool poisoning reaches a model; remove it, or suppress this finding if the text is meant for the model.",
    },
    schema: [
      {
        type: "object",
        properties: { htmlComments: { type: "boolean", description: "Also report HTML comments (off by default: real descriptions use them as markers)." } },
        additionalProperties: false,
      },
    ],
    defaultOptions: { htmlComments: false },
  },
  check({ document, dialect, servers, options, report }) {
    const kinds = options.htmlComments === true ? ALL_KINDS : DEFAULT_KINDS;
    const scan = (pointer: string, value: string, what: string, echo: boolean): void => {
      for (const s of scanAgentText(value, { what, echo, kinds })) {
        const range = valueSubrange(document, pointer, s.offset, s.offset + s.length);
        report({
          messageId: "signal",
          data: { explanation: s.explanation },
          pointer,
          part: "value",
          ...(range ? { range } : {}),
          ...(signalSeverityCap(s.kind) ? { maxSeverity: signalSeverityCap(s.kind) } : {}),
        });
      }
    };
    for (const entry of servers) {
      for (const arg of entry.args.slice(0, 512)) if (typeof arg.value === "string") scan(arg.pointer, arg.value, "argument", false);
      for (const env of entry.env.slice(0, 512)) if (typeof env.value === "string") scan(env.pointer, env.value, `value of ${env.name}`.slice(0, 80), false);
      for (const h of entry.headers.slice(0, 512)) if (typeof h.value === "string") scan(h.pointer, h.value, "header value", false);
    }
    if (dialect.id !== "mcp-registry") return;
    // server.json: every description and title, at any depth (server, packages, arguments, env variables, headers).
    let nodes = 0;
    const walk = (value: unknown, pointer: string, depth: number): void => {
      if (depth > MAX_DEPTH || ++nodes > MAX_NODES || value === null || typeof value !== "object") return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) walk(value[i], joinPointer(pointer, i), depth + 1);
        return;
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const p = joinPointer(pointer, k);
        if (typeof v === "string" && REGISTRY_TEXT_KEYS.has(k)) scan(p, v, k, true);
        else walk(v, p, depth + 1);
      }
    };
    walk(document.value, "", 0);
  },
});
