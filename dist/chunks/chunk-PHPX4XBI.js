import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
var c=["initialize","notifications/initialized","tools/list","tools/call","resources/list","resources/read","resources/templates/list","prompts/list","prompts/get"],i="@modelcontextprotocol/",l=/["'`](?:node:)?(?:net|tls|dgram)["'`]/,a=/(?:^|[^\w$.])(?:from|import|require)$/;function u(o){let e=o.indexOf(i);for(;e>=0;){if(e>0&&p(o.charCodeAt(e-1))&&m(o,e-1)&&!h(o,e))return!0;e=o.indexOf(i,e+i.length)}return!1}var f=new RegExp(`["'\`](?:${c.map(o=>o.replace(/\//g,"\\/")).join("|")})["'\`\\\\]`);function d(o){return l.test(o)&&f.test(o)}function O(o){return u(o)||d(o)}function p(o){return o===34||o===39||o===96}function m(o,e){let n=e-1;for(let r=0;n>=0&&r<64;r++){let t=o.charCodeAt(n);if(t===32||t===9||t===10||t===13||t===40){n--;continue}if(t===47&&n>0&&o.charCodeAt(n-1)===42){let s=o.lastIndexOf("/*",n-2);if(s<0)return!1;n=s-1;continue}break}return n<0?!1:a.test(o.slice(Math.max(0,n-8),n+1))}function h(o,e){let r=Math.max(o.lastIndexOf(`
`,e),o.lastIndexOf("\r",e))+1;for(;r<e&&(o.charCodeAt(r)===32||o.charCodeAt(r)===9);)r++;let t=o.charCodeAt(r);return t===42?o.charCodeAt(r+1)!==47:t===47&&o.charCodeAt(r+1)===47}export{c as a,O as b};
