import { defineConfigRule } from "../types.js";

/** PLACEHOLDER: to be implemented. */
export const noHardcodedSecrets = defineConfigRule({
  meta: {
    id: "no-hardcoded-secrets",
    description: "TODO",
    severity: "warning",
    recommended: false,
    messages: { todo: "TODO" },
    schema: [],
    defaultOptions: {},
  },
  check() {},
});
