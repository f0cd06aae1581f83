import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const supportedTransport = defineConfigRule({
  meta: {
    id: "supported-transport",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
