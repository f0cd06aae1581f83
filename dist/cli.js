#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{A as k,o as f,p as j,s as U,w as M,x as D,y as W,z as v}from"./chunks/chunk-QG4Z4SEU.js";import"./chunks/chunk-LSERHPVE.js";import"./chunks/chunk-P56EVE45.js";import"./chunks/chunk-ZVR2BA2X.js";import{mkdirSync as Z,writeFileSync as ee}from"node:fs";import{dirname as ne,resolve as re}from"node:path";import{parseArgs as te}from"node:util";import{mkdirSync as A,writeFileSync as G}from"node:fs";import{dirname as V,resolve as z}from"node:path";import{parseArgs as K}from"node:util";var Q=`mcp-lint probe [options] [file|dir|glob]...

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
  -f, --format <name>              ${v.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

Exit codes: 0 every server answered, 1 a server failed (an error finding), 2 usage error, 130 interrupted.
`,X={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"}};function C(e,n,t,o){if(n===void 0)return;let i=n.trim();if(!/^\d+$/.test(i)||Number(i)<t||Number(i)>o)throw new f(`--${e} needs a whole number from ${t} to ${o}, not "${n}".`);return Number(i)}async function Y(e,n){let t;try{t=K({args:e,options:X,allowPositionals:!0,strict:!0,tokens:!0})}catch(s){let c=(s instanceof Error?s.message:String(s)).split(/\.\s/)[0].replace(/\.?$/,".");return n.stderr.write(`mcp-lint probe: ${c}
Run "mcp-lint probe --help" for usage.
`),2}let{values:o,positionals:i,tokens:r}=t;if(o.help)return n.stdout.write(Q),0;let l=o.format??"stylish";v.includes(l)||k(l,[],{cwd:n.cwd});let u=C("retries",o.retries,0,20),S=C("timeout",o.timeout,100,6e5),x=C("backoff",o.backoff,0,1e4),h=C("concurrency",o.concurrency,1,64),p=o["output-file"],d=r.filter(s=>s.kind==="option"&&(s.name==="color"||s.name==="no-color")).pop(),w=n.color(d?d.kind==="option"&&d.name==="color":void 0,p!==void 0),{probe:_,formatProbeTable:O,formatProgressLine:m,PROBE_RULE_INFO:a}=await import("./chunks/src-SVE4XO3A.js"),g=n.stderr.isTTY===!0,E=!1,P=()=>{E&&n.stderr.write("\r\x1B[2K"),E=!1},$=g?s=>{P();let c=m(s);if(s.type==="done")n.stderr.write(c+`
`);else{let R=n.stderr.columns??100;n.stderr.write(c.length>R-1?c.slice(0,R-2)+"…":c),E=!0}}:void 0,N=o.verbose?s=>{P(),n.stderr.write(`mcp-lint probe: ${s}
`)}:void 0,L=new AbortController,F=!1,q=n.onInterrupt(()=>{F=!0,P(),n.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),L.abort()}),b;try{b=await _(i,{cwd:n.cwd,env:n.env,signal:L.signal,...o.server?{servers:o.server}:{},...o.config!==void 0?{configPath:o.config}:{},...o["no-config-lookup"]?{noConfigLookup:!0}:{},...u!==void 0?{retries:u}:{},...S!==void 0?{timeoutMs:S}:{},...x!==void 0?{backoffMs:x}:{},...h!==void 0?{concurrency:h}:{},...$?{onProgress:$}:{},...N?{log:N}:{}})}finally{q(),P()}let y=k(l,b.results,{cwd:n.cwd,color:w,version:n.version,extraRules:a});if(p!==void 0){let s=z(n.cwd,p);try{A(V(s),{recursive:!0}),G(s,y)}catch(c){throw new f(`Cannot write the report to "${p}" (${c.code??"unknown error"}).`)}}else y!==""&&n.stdout.write(y.endsWith(`
`)?y:y+`
`);let T=l==="stylish"&&p===void 0?n.stdout:n.stderr;if(b.servers.length===0)n.stderr.write(`mcp-lint probe: no MCP servers found in ${i.length?i.map(s=>`"${s}"`).join(", "):"this folder"}.
`);else{let s=T===n.stdout&&y.trim()!==""?`
`:"";T.write(s+O(b.servers,{color:w&&T===n.stdout}))}return F?130:b.results.reduce((s,c)=>s+c.findings.filter(R=>R.severity==="error").length,0)>0||b.servers.some(s=>s.status==="failed")?1:0}var I="0.1.0",oe=`mcp-lint [options] [file|dir|glob]...

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
`,se={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function ie(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:H}}function H(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function B(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function ae(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new f(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function le(e){if(!e?.length)return;let n={};for(let t of e){let o=U(t);if("error"in o)throw new f(`--rule: ${o.error}`);n[o.id]=o.setting}return n}function ce(){let e=D().map(r=>[r.id,r.severity,r.recommended?"yes":"no",r.fixable?"yes":r.hasSuggestions?"suggestion":"no",r.description]),n=["Rule","Default severity","Recommended","Fixable","Description"],t=[n,...e],o=n.map((r,l)=>Math.max(...t.map(u=>u[l].length))),i=r=>r.map((l,u)=>u===r.length-1?l:l.padEnd(o[u])).join("  ").trimEnd();return[i(n),i(o.map(r=>"-".repeat(r))),...e.map(i)].join(`
`)+`
`}function ue(e,n){if(e instanceof j)return`mcp-lint: ${e.describe()}
`;if(e instanceof f)return`mcp-lint: ${e.message}
`;let t=e instanceof Error?e.message:String(e),o=n&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${t.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function J(e,n={}){let t={...ie(),...n},o=(t.env.DEBUG??"").split(/[\s,]+/).some(i=>i==="mcp-lint"||i==="mcp-lint:*"||i==="*");try{if(e[0]==="probe")return await Y(e.slice(1),{cwd:t.cwd,env:t.env,stdout:t.stdout,stderr:t.stderr,onInterrupt:t.onInterrupt??H,color:(a,g)=>a??(!g&&B(t)),version:I});let i;try{i=te({args:e,options:se,allowPositionals:!0,strict:!0,tokens:!0})}catch(a){let g=(a instanceof Error?a.message:String(a)).split(/\.\s/)[0].replace(/\.?$/,".");return t.stderr.write(`mcp-lint: ${g}
Run "mcp-lint --help" for usage.
`),2}let{values:r,positionals:l,tokens:u}=i;if(r.help)return t.stdout.write(oe),0;if(r.version)return t.stdout.write(`v${I}
`),0;if(r["list-rules"])return t.stdout.write(ce()),0;let S=le(r.rule),x={cwd:t.cwd,...r.config!==void 0?{configPath:r.config}:{},...r["no-config-lookup"]?{noConfigLookup:!0}:{},...S?{rules:S}:{},...r.dialect!==void 0?{dialect:r.dialect}:{}};if(r["print-config"]!==void 0)return t.stdout.write(JSON.stringify(M(r["print-config"],x),null,2)+`
`),0;let h=r.format??"stylish";v.includes(h)||k(h,[],{cwd:t.cwd});let p=ae(r["max-warnings"]),d=r["output-file"],w=u.filter(a=>a.kind==="option"&&(a.name==="color"||a.name==="no-color")).pop(),_=w?w.kind==="option"&&w.name==="color":d===void 0&&B(t),O=await W(l,{...x,fix:r.fix===!0,quiet:r.quiet===!0,...p!==void 0?{maxWarnings:p}:{},suppressAll:r["suppress-all"]===!0,pruneSuppressions:r["prune-suppressions"]===!0,...r["suppressions-location"]!==void 0?{suppressionsLocation:r["suppressions-location"]}:{},passOnUnprunedSuppressions:r["pass-on-unpruned-suppressions"]===!0,warnIgnored:r["no-warn-ignored"]!==!0}),m=k(h,O.results,{cwd:t.cwd,color:_,version:I});if(d!==void 0){let a=re(t.cwd,d);try{Z(ne(a),{recursive:!0}),ee(a,m)}catch(g){throw new f(`Cannot write the report to "${d}" (${g.code??"unknown error"}).`)}}else m!==""&&t.stdout.write(m.endsWith(`
`)?m:m+`
`);for(let a of O.notices)t.stderr.write(`${a}
`);return O.exitCode}catch(i){return t.stderr.write(ue(i,o)),2}}process.exitCode=await J(process.argv.slice(2));
