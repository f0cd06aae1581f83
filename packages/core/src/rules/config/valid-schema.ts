import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const validSchema = defineConfigRule({
  meta: {
    id: "valid-schema",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
