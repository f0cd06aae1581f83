import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const noRelativePath = defineConfigRule({
  meta: {
    id: "no-relative-path",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
