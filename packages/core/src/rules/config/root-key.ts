import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const rootKey = defineConfigRule({
  meta: {
    id: "root-key",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
