export { prepareConfigFile, runConfigRule, carriesSecret, UnknownDialectError, type PreparedConfigFile, type ConfigRuleReport } from "./config-rules.js";
export { MCP_JSON_FILES, CODE_FILES, TYPESCRIPT_FILES, DECLARATION_FILES } from "./files.js";
