import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const noNonMcpPort = defineConfigRule({
  meta: {
    id: "no-non-mcp-port",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
