import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const pinnedPackage = defineConfigRule({
  meta: {
    id: "pinned-package",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
