#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{A as v,B as S,p as f,q as j,t as M,x as U,y as D,z as W}from"./chunks/chunk-FUBIRN5V.js";import"./chunks/chunk-LSERHPVE.js";import"./chunks/chunk-P56EVE45.js";import"./chunks/chunk-ZVR2BA2X.js";import{mkdirSync as Z,writeFileSync as ee}from"node:fs";import{dirname as re,resolve as ne}from"node:path";import{parseArgs as te}from"node:util";import{mkdirSync as B,writeFileSync as G}from"node:fs";import{dirname as V,resolve as z}from"node:path";import{parseArgs as K}from"node:util";var Q=`mcp-lint probe [options] [file|dir|glob]...

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
      --backoff <ms>               First retry delay; doubles each retry, at most 10 s, with jitter (default: 500)
      --concurrency <n>            Servers probed at once (default: 4)
      --verbose                    Log every attempt, its outcome and each backoff delay (to stderr)
  -f, --format <name>              ${v.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

Exit codes: 0 every server answered, 1 a server failed (an error finding), 2 usage error, 130 interrupted.
`,X={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"}};function C(e,r,t,o){if(r===void 0)return;let i=r.trim();if(!/^\d+$/.test(i)||Number(i)<t||Number(i)>o)throw new f(`--${e} needs a whole number from ${t} to ${o}, not "${r}".`);return Number(i)}async function Y(e,r){let t;try{t=K({args:e,options:X,allowPositionals:!0,strict:!0,tokens:!0})}catch(s){let c=(s instanceof Error?s.message:String(s)).split(/\.\s/)[0].replace(/\.?$/,".");return r.stderr.write(`mcp-lint probe: ${c}
Run "mcp-lint probe --help" for usage.
`),2}let{values:o,positionals:i,tokens:n}=t;if(o.help)return r.stdout.write(Q),0;let l=o.format??"stylish";v.includes(l)||S(l,[],{cwd:r.cwd});let u=C("retries",o.retries,0,20),O=C("timeout",o.timeout,100,6e5),x=C("backoff",o.backoff,0,6e4),h=C("concurrency",o.concurrency,1,64),p=o["output-file"],d=n.filter(s=>s.kind==="option"&&(s.name==="color"||s.name==="no-color")).pop(),w=r.color(d?d.kind==="option"&&d.name==="color":void 0,p!==void 0),{probe:_,formatProbeTable:k,formatProgressLine:m,PROBE_RULE_INFO:a}=await import("./chunks/src-WN4GXWMN.js"),g=r.stderr.isTTY===!0,E=!1,R=()=>{E&&r.stderr.write("\r\x1B[2K"),E=!1},$=g?s=>{R();let c=m(s);if(s.type==="done")r.stderr.write(c+`
`);else{let P=r.stderr.columns??100;r.stderr.write(c.length>P-1?c.slice(0,P-2)+"…":c),E=!0}}:void 0,N=o.verbose?s=>{R(),r.stderr.write(`mcp-lint probe: ${s}
`)}:void 0,F=new AbortController,L=!1,A=r.onInterrupt(()=>{L=!0,R(),r.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),F.abort()}),b;try{b=await _(i,{cwd:r.cwd,env:r.env,signal:F.signal,...o.server?{servers:o.server}:{},...u!==void 0?{retries:u}:{},...O!==void 0?{timeoutMs:O}:{},...x!==void 0?{backoffMs:x}:{},...h!==void 0?{concurrency:h}:{},...$?{onProgress:$}:{},...N?{log:N}:{}})}finally{A(),R()}let y=S(l,b.results,{cwd:r.cwd,color:w,version:r.version,extraRules:a});if(p!==void 0){let s=z(r.cwd,p);try{B(V(s),{recursive:!0}),G(s,y)}catch(c){throw new f(`Cannot write the report to "${p}" (${c.code??"unknown error"}).`)}}else y!==""&&r.stdout.write(y.endsWith(`
`)?y:y+`
`);let T=l==="stylish"&&p===void 0?r.stdout:r.stderr;if(b.servers.length===0)r.stderr.write(`mcp-lint probe: no MCP servers found in ${i.length?i.map(s=>`"${s}"`).join(", "):"this folder"}.
`);else{let s=T===r.stdout&&y.trim()!==""?`
`:"";T.write(s+k(b.servers,{color:w&&T===r.stdout}))}return L?130:b.results.reduce((s,c)=>s+c.findings.filter(P=>P.severity==="error").length,0)>0||b.servers.some(s=>s.status==="failed")?1:0}var I="0.1.0",oe=`mcp-lint [options] [file|dir|glob]...

Find broken MCP client configs before anything runs.
Folders are searched for MCP config files (.mcp.json, .cursor/mcp.json, .vscode/mcp.json,
claude_desktop_config.json, ...); files named explicitly are always checked. Default: "."

Commands:
  mcp-lint probe [paths]           Start or reach every configured server and say why one fails
                                   (runs the configured commands; see "mcp-lint probe --help")

Output:
  -f, --format <name>              ${v.join(" | ")} (default: stylish)
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
`,se={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function ie(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:J}}function J(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function H(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function ae(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new f(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function le(e){if(!e?.length)return;let r={};for(let t of e){let o=M(t);if("error"in o)throw new f(`--rule: ${o.error}`);r[o.id]=o.setting}return r}function ce(){let e=D().map(n=>[n.id,n.severity,n.recommended?"yes":"no",n.fixable?"yes":n.hasSuggestions?"suggestion":"no",n.description]),r=["Rule","Default severity","Recommended","Fixable","Description"],t=[r,...e],o=r.map((n,l)=>Math.max(...t.map(u=>u[l].length))),i=n=>n.map((l,u)=>u===n.length-1?l:l.padEnd(o[u])).join("  ").trimEnd();return[i(r),i(o.map(n=>"-".repeat(n))),...e.map(i)].join(`
`)+`
`}function ue(e,r){if(e instanceof j)return`mcp-lint: ${e.describe()}
`;if(e instanceof f)return`mcp-lint: ${e.message}
`;let t=e instanceof Error?e.message:String(e),o=r&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${t.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function q(e,r={}){let t={...ie(),...r},o=(t.env.DEBUG??"").split(/[\s,]+/).some(i=>i==="mcp-lint"||i==="mcp-lint:*"||i==="*");try{if(e[0]==="probe")return await Y(e.slice(1),{cwd:t.cwd,env:t.env,stdout:t.stdout,stderr:t.stderr,onInterrupt:t.onInterrupt??J,color:(a,g)=>a??(!g&&H(t)),version:I});let i;try{i=te({args:e,options:se,allowPositionals:!0,strict:!0,tokens:!0})}catch(a){let g=(a instanceof Error?a.message:String(a)).split(/\.\s/)[0].replace(/\.?$/,".");return t.stderr.write(`mcp-lint: ${g}
Run "mcp-lint --help" for usage.
`),2}let{values:n,positionals:l,tokens:u}=i;if(n.help)return t.stdout.write(oe),0;if(n.version)return t.stdout.write(`v${I}
`),0;if(n["list-rules"])return t.stdout.write(ce()),0;let O=le(n.rule),x={cwd:t.cwd,...n.config!==void 0?{configPath:n.config}:{},...n["no-config-lookup"]?{noConfigLookup:!0}:{},...O?{rules:O}:{},...n.dialect!==void 0?{dialect:n.dialect}:{}};if(n["print-config"]!==void 0)return t.stdout.write(JSON.stringify(U(n["print-config"],x),null,2)+`
`),0;let h=n.format??"stylish";v.includes(h)||S(h,[],{cwd:t.cwd});let p=ae(n["max-warnings"]),d=n["output-file"],w=u.filter(a=>a.kind==="option"&&(a.name==="color"||a.name==="no-color")).pop(),_=w?w.kind==="option"&&w.name==="color":d===void 0&&H(t),k=await W(l,{...x,fix:n.fix===!0,quiet:n.quiet===!0,...p!==void 0?{maxWarnings:p}:{},suppressAll:n["suppress-all"]===!0,pruneSuppressions:n["prune-suppressions"]===!0,...n["suppressions-location"]!==void 0?{suppressionsLocation:n["suppressions-location"]}:{},passOnUnprunedSuppressions:n["pass-on-unpruned-suppressions"]===!0,warnIgnored:n["no-warn-ignored"]!==!0}),m=S(h,k.results,{cwd:t.cwd,color:_,version:I});if(d!==void 0){let a=ne(t.cwd,d);try{Z(re(a),{recursive:!0}),ee(a,m)}catch(g){throw new f(`Cannot write the report to "${d}" (${g.code??"unknown error"}).`)}}else m!==""&&t.stdout.write(m.endsWith(`
`)?m:m+`
`);for(let a of k.notices)t.stderr.write(`${a}
`);return k.exitCode}catch(i){return t.stderr.write(ue(i,o)),2}}process.exitCode=await q(process.argv.slice(2));
