import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const noDuplicateKeys = defineConfigRule({
  meta: {
    id: "no-duplicate-keys",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
