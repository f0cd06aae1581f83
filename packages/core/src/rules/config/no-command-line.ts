import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const noCommandLine = defineConfigRule({
  meta: {
    id: "no-command-line",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
