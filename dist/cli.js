#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a,b as D,c as H,e as W,j as q,k as G,m as z,p as g,q as h}from"./chunks/chunk-PFBPM4NY.js";import{S as N,T as A,Y}from"./chunks/chunk-VSOHHQU5.js";import"./chunks/chunk-WYNXCGFL.js";import"./chunks/chunk-UBEJ2IWO.js";import"./chunks/chunk-CUMKUWDT.js";import{parseArgs as re}from"node:util";import{parseArgs as ee}from"node:util";import{resolve as Z}from"node:path";function O(e){return(e instanceof Error?e.message:String(e)).split(/\.\s/)[0].replace(/\.?$/,".")}function P(e,t){let n=e??"stylish";return g.includes(n)||h(n,[],{cwd:t}),n}function T(e){let t=e.filter(n=>n.kind==="option"&&(n.name==="color"||n.name==="no-color")).pop();return t?t.name==="color":void 0}function C(e,t,n,o){if(t!==void 0){let s=Z(n,t);try{Y(s,e,{root:n,mkdir:!0})}catch(r){throw new a(`Cannot write the report to "${t}" (${A(r)}).`)}}else e!==""&&o.write(e.endsWith(`
`)?e:e+`
`)}var te=`mcp-lint probe [options] [file|dir|glob]...

Start or reach every MCP server configured in the config files found, with the MCP SDK's client, and say
why one fails: stdio servers are spawned with their command, args, env and cwd (no shell); URL servers are
reached over Streamable HTTP (SSE only where the config says so). Then initialize and tools/list
(resources/list and prompts/list when advertised). Default path: "."

This runs the commands your configs name: probe only configs you trust.

Options:
      --server <name>              Probe only this server (repeatable)
      --retries <n>                Retries when waiting can help: connection refused or reset, HTTP 502-504,
                                   timeouts of URL servers (default: 3)
      --timeout <ms>               Per attempt: start, initialize and the list calls (default: 10000)
      --backoff <ms>               Base delay of the first retry, doubled for each next one up to 10 s; each
                                   wait is jittered between half and all of it (default: 500)
      --concurrency <n>            Servers probed at once (default: 4)
      --verbose                    Log every attempt, its outcome and each backoff delay (to stderr)
  -c, --config <file>              Use this config file (its "ignores") instead of looking up mcp-lint.config.json
      --no-config-lookup           Use no config file
  -f, --format <name>              ${g.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

Exit codes: 0 every server answered, 1 a server failed (an error finding), 2 usage error, 130 interrupted.
`,ne={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"}};function _(e,t,n,o){if(t===void 0)return;let s=t.trim();if(!/^\d+$/.test(s)||Number(s)<n||Number(s)>o)throw new a(`--${e} needs a whole number from ${n} to ${o}, not "${t}".`);return Number(s)}async function J(e,t){let n;try{n=ee({args:e,options:ne,allowPositionals:!0,strict:!0,tokens:!0})}catch(i){return t.stderr.write(`mcp-lint probe: ${O(i)}
Run "mcp-lint probe --help" for usage.
`),2}let{values:o,positionals:s,tokens:r}=n;if(o.help)return t.stdout.write(te),0;let u=P(o.format,t.cwd),l=_("retries",o.retries,0,20),w=_("timeout",o.timeout,100,6e5),b=_("backoff",o.backoff,0,1e4),x=_("concurrency",o.concurrency,1,64),c=o["output-file"],y=t.color(T(r),c!==void 0),{probe:E,formatProbeTable:k,formatProgressLine:S,PROBE_RULE_INFO:v}=await import("./chunks/src-L2IUQLLG.js"),I=t.stderr.isTTY===!0,d=!1,f=()=>{d&&t.stderr.write("\r\x1B[2K"),d=!1},F=I?i=>{f();let m=S(i);if(i.type==="done")t.stderr.write(m+`
`);else{let R=t.stderr.columns??100;t.stderr.write(m.length>R-1?m.slice(0,R-2)+"…":m),d=!0}}:void 0,M=o.verbose?i=>{f(),t.stderr.write(`mcp-lint probe: ${i}
`)}:void 0,U=new AbortController,j=!1,Q=t.onInterrupt(()=>{j=!0,f(),t.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),U.abort()}),p;try{p=await E(s,{cwd:t.cwd,env:t.env,signal:U.signal,...o.server?{servers:o.server}:{},...o.config!==void 0?{configPath:o.config}:{},...o["no-config-lookup"]?{noConfigLookup:!0}:{},...l!==void 0?{retries:l}:{},...w!==void 0?{timeoutMs:w}:{},...b!==void 0?{backoffMs:b}:{},...x!==void 0?{concurrency:x}:{},...F?{onProgress:F}:{},...M?{log:M}:{}})}finally{Q(),f()}let B=h(u,p.results,{cwd:t.cwd,color:y,version:t.version,extraRules:v});C(B,c,t.cwd,t.stdout);let $=u==="stylish"&&c===void 0?t.stdout:t.stderr;if(p.servers.length===0)t.stderr.write(`mcp-lint probe: no MCP servers found in ${s.length?s.map(i=>`"${i}"`).join(", "):"this folder"}.
`);else{let i=$===t.stdout&&B.trim()!==""?`
`:"";$.write(i+k(p.servers,{color:y&&$===t.stdout}))}return j?130:p.results.reduce((i,m)=>i+m.findings.filter(R=>R.severity==="error").length,0)>0||p.servers.some(i=>i.status==="failed")?1:0}var L="0.1.0",oe=`mcp-lint [options] [file|dir|glob]...

Find broken MCP client configs before anything runs.
Folders are searched for MCP config files (.mcp.json, .cursor/mcp.json, .vscode/mcp.json,
claude_desktop_config.json, ...); files named explicitly are always checked. Default: "."

Commands:
  mcp-lint probe [paths]           Start or reach every configured server and say why one fails
                                   (runs the configured commands; see "mcp-lint probe --help")

Output:
  -f, --format <name>              ${g.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off (default: on for a terminal, off with NO_COLOR)
      --quiet                      Report errors only

Rules and config:
  -c, --config <file>              Use this config file instead of looking up mcp-lint.config.json
      --no-config-lookup           Use no config file
      --rule <id:severity>         Set a rule, e.g. --rule npx-yes:off or 'no-relative-path:["error",{...}]'
                                   (repeatable; beats the config file)
      --dialect <id>               Check the files named on the command line as this client's format
      --no-warn-ignored            No warning for explicitly named files that "ignores" matches
      --report-unused-disable-directives  Report mcp-lint-disable comments that disable nothing as errors
      --report-unused-disable-directives-severity <sev>
                                   Their severity: off | info (default) | warn | error (misspelt
                                   directives are a warning, or error with error; off reports neither)

Editors and tools:
      --stdin                      Lint the text on stdin (unsaved text; at most 10 MiB) instead of files
      --stdin-filename <path>      The name of that text: it decides the client format or language and the
                                   config files that apply, as for a file of that name (default: <text>)

Fixing and results:
      --fix                        Fix problems where the fix is certain, and write the files back
      --max-warnings <n>           Fail (exit 1) when there are more than n warnings

Suppressions (baseline of accepted errors):
      --suppress-all               Record all current errors in the suppressions file
      --prune-suppressions         Remove suppressions that no longer occur
      --suppressions-location <f>  Suppressions file (default: mcp-lint-suppressions.json)
      --pass-on-unpruned-suppressions  Do not fail on suppressions that no longer occur

Information:
      --list-rules                 List the rules and their defaults
      --print-config <file>        Print the dialect and rule settings used for a file
  -h, --help                       Show this help
  -v, --version                    Show the version

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage, config or internal error.
`,se={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},stdin:{type:"boolean"},"report-unused-disable-directives":{type:"boolean"},"report-unused-disable-directives-severity":{type:"string"},"stdin-filename":{type:"string"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function ie(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:K}}function K(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function V(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function ae(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new a(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function ue(e){if(!e?.length)return;let t={};for(let n of e){let o=W(n);if("error"in o)throw new a(`--rule: ${o.error}`);t[o.id]=o.setting}return t}function le(e,t){if(e&&t!==void 0)throw new a("--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together.");if(e)return"error";if(t===void 0)return;let n=H(/^\d$/.test(t)?Number(t):t);if(!n)throw new a(`--report-unused-disable-directives-severity: use off, info, warn or error, not "${t}".`);return n}async function de(e){let t=[],n=0;for await(let o of e){let s=typeof o=="string"?Buffer.from(o):o;if(n+=s.length,n>N)throw new a(`The text on stdin is larger than ${N/1024/1024} MiB, so it was not linted.`);t.push(s)}return Buffer.concat(t).toString("utf8")}function ce(){let e=G().map(r=>[r.id,r.severity,r.recommended?"yes":"no",r.fixable?"yes":r.hasSuggestions?"suggestion":"no",r.description]),t=["Rule","Default severity","Recommended","Fixable","Description"],n=[t,...e],o=t.map((r,u)=>Math.max(...n.map(l=>l[u].length))),s=r=>r.map((u,l)=>l===r.length-1?u:u.padEnd(o[l])).join("  ").trimEnd();return[s(t),s(o.map(r=>"-".repeat(r))),...e.map(s)].join(`
`)+`
`}function fe(e,t){if(e instanceof D)return`mcp-lint: ${e.describe()}
`;if(e instanceof a)return`mcp-lint: ${e.message}
`;let n=e instanceof Error?e.message:String(e),o=t&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${n.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function X(e,t={}){let n={...ie(),...t},o=(n.env.DEBUG??"").split(/[\s,]+/).some(s=>s==="mcp-lint"||s==="mcp-lint:*"||s==="*");try{if(e[0]==="probe")return await J(e.slice(1),{cwd:n.cwd,env:n.env,stdout:n.stdout,stderr:n.stderr,onInterrupt:n.onInterrupt??K,color:(d,f)=>d??(!f&&V(n)),version:L});let s;try{s=re({args:e,options:se,allowPositionals:!0,strict:!0,tokens:!0})}catch(d){return n.stderr.write(`mcp-lint: ${O(d)}
Run "mcp-lint --help" for usage.
`),2}let{values:r,positionals:u,tokens:l}=s;if(r.help)return n.stdout.write(oe),0;if(r.version)return n.stdout.write(`v${L}
`),0;if(r["list-rules"])return n.stdout.write(ce()),0;let w=ue(r.rule),b={cwd:n.cwd,...r.config!==void 0?{configPath:r.config}:{},...r["no-config-lookup"]?{noConfigLookup:!0}:{},...w?{rules:w}:{},...r.dialect!==void 0?{dialect:r.dialect}:{}};if(r["print-config"]!==void 0)return n.stdout.write(JSON.stringify(q(r["print-config"],b),null,2)+`
`),0;let x=P(r.format,n.cwd),c=ae(r["max-warnings"]),y=r["output-file"],E=T(l)??(y===void 0&&V(n));if(r["stdin-filename"]!==void 0&&!r.stdin)throw new a("--stdin-filename names the text read with --stdin: add --stdin.");let k=r.stdin?{text:await de(n.stdin??process.stdin),...r["stdin-filename"]?{filename:r["stdin-filename"]}:{}}:void 0,S=le(r["report-unused-disable-directives"]===!0,r["report-unused-disable-directives-severity"]),v=await z(u,{...k?{stdin:k}:{},...S?{reportUnusedDisableDirectives:S}:{},...b,fix:r.fix===!0,quiet:r.quiet===!0,...c!==void 0?{maxWarnings:c}:{},suppressAll:r["suppress-all"]===!0,pruneSuppressions:r["prune-suppressions"]===!0,...r["suppressions-location"]!==void 0?{suppressionsLocation:r["suppressions-location"]}:{},passOnUnprunedSuppressions:r["pass-on-unpruned-suppressions"]===!0,warnIgnored:r["no-warn-ignored"]!==!0}),I=h(x,v.results,{cwd:n.cwd,color:E,version:L});C(I,y,n.cwd,n.stdout);for(let d of v.notices)n.stderr.write(`${d}
`);return v.exitCode}catch(s){return n.stderr.write(fe(s,o)),2}}process.exitCode=await X(process.argv.slice(2));
