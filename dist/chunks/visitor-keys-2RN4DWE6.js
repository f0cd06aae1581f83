import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a as t}from"./chunk-7DEDAK5V.js";import"./chunk-NTKCD5MQ.js";import"./chunk-ZVR2BA2X.js";var e=t(),o=e,{getKeys:r,visitorKeys:s}=e;export{o as default,r as getKeys,s as visitorKeys};
