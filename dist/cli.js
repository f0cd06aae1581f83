#!/usr/bin/env node
import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
import{a as u,b as D,e as H,j as W,k as q,l as A,o as m,p as g}from"./chunks/chunk-AICWAU6F.js";import{M as Y,R as B}from"./chunks/chunk-OX6NBGZE.js";import"./chunks/chunk-WYNXCGFL.js";import"./chunks/chunk-UBEJ2IWO.js";import"./chunks/chunk-CUMKUWDT.js";import{parseArgs as ne}from"node:util";import{parseArgs as X}from"node:util";import{resolve as Q}from"node:path";function R(e){return(e instanceof Error?e.message:String(e)).split(/\.\s/)[0].replace(/\.?$/,".")}function O(e,n){let t=e??"stylish";return m.includes(t)||g(t,[],{cwd:n}),t}function P(e){let n=e.filter(t=>t.kind==="option"&&(t.name==="color"||t.name==="no-color")).pop();return n?n.name==="color":void 0}function S(e,n,t,o){if(n!==void 0){let s=Q(t,n);try{B(s,e,{root:t,mkdir:!0})}catch(r){throw new u(`Cannot write the report to "${n}" (${Y(r)}).`)}}else e!==""&&o.write(e.endsWith(`
`)?e:e+`
`)}var Z=`mcp-lint probe [options] [file|dir|glob]...

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
  -f, --format <name>              ${m.join(" | ")} (default: stylish)
  -o, --output-file <file>         Write the report to a file instead of stdout
      --color, --no-color          Force colours on or off
  -h, --help                       Show this help

Exit codes: 0 every server answered, 1 a server failed (an error finding), 2 usage error, 130 interrupted.
`,ee={server:{type:"string",multiple:!0},retries:{type:"string"},timeout:{type:"string"},backoff:{type:"string"},concurrency:{type:"string"},verbose:{type:"boolean"},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"}};function C(e,n,t,o){if(n===void 0)return;let s=n.trim();if(!/^\d+$/.test(s)||Number(s)<t||Number(s)>o)throw new u(`--${e} needs a whole number from ${t} to ${o}, not "${n}".`);return Number(s)}async function G(e,n){let t;try{t=X({args:e,options:ee,allowPositionals:!0,strict:!0,tokens:!0})}catch(i){return n.stderr.write(`mcp-lint probe: ${R(i)}
Run "mcp-lint probe --help" for usage.
`),2}let{values:o,positionals:s,tokens:r}=t;if(o.help)return n.stdout.write(Z),0;let a=O(o.format,n.cwd),l=C("retries",o.retries,0,20),h=C("timeout",o.timeout,100,6e5),w=C("backoff",o.backoff,0,1e4),v=C("concurrency",o.concurrency,1,64),p=o["output-file"],b=n.color(P(r),p!==void 0),{probe:T,formatProbeTable:y,formatProgressLine:_,PROBE_RULE_INFO:c}=await import("./chunks/src-AW4LNMHO.js"),E=n.stderr.isTTY===!0,I=!1,x=()=>{I&&n.stderr.write("\r\x1B[2K"),I=!1},L=E?i=>{x();let d=_(i);if(i.type==="done")n.stderr.write(d+`
`);else{let k=n.stderr.columns??100;n.stderr.write(d.length>k-1?d.slice(0,k-2)+"…":d),I=!0}}:void 0,F=o.verbose?i=>{x(),n.stderr.write(`mcp-lint probe: ${i}
`)}:void 0,j=new AbortController,U=!1,K=n.onInterrupt(()=>{U=!0,x(),n.stderr.write(`mcp-lint probe: interrupted; stopping the servers it started…
`),j.abort()}),f;try{f=await T(s,{cwd:n.cwd,env:n.env,signal:j.signal,...o.server?{servers:o.server}:{},...o.config!==void 0?{configPath:o.config}:{},...o["no-config-lookup"]?{noConfigLookup:!0}:{},...l!==void 0?{retries:l}:{},...h!==void 0?{timeoutMs:h}:{},...w!==void 0?{backoffMs:w}:{},...v!==void 0?{concurrency:v}:{},...L?{onProgress:L}:{},...F?{log:F}:{}})}finally{K(),x()}let M=g(a,f.results,{cwd:n.cwd,color:b,version:n.version,extraRules:c});S(M,p,n.cwd,n.stdout);let N=a==="stylish"&&p===void 0?n.stdout:n.stderr;if(f.servers.length===0)n.stderr.write(`mcp-lint probe: no MCP servers found in ${s.length?s.map(i=>`"${i}"`).join(", "):"this folder"}.
`);else{let i=N===n.stdout&&M.trim()!==""?`
`:"";N.write(i+y(f.servers,{color:b&&N===n.stdout}))}return U?130:f.results.reduce((i,d)=>i+d.findings.filter(k=>k.severity==="error").length,0)>0||f.servers.some(i=>i.status==="failed")?1:0}var $="1.0.0",te=`mcp-lint [options] [file|dir|glob]...

Find broken MCP client configs before anything runs.
Folders are searched for MCP config files (.mcp.json, .cursor/mcp.json, .vscode/mcp.json,
claude_desktop_config.json, ...); files named explicitly are always checked. Default: "."

Commands:
  mcp-lint probe [paths]           Start or reach every configured server and say why one fails
                                   (runs the configured commands; see "mcp-lint probe --help")

Output:
  -f, --format <name>              ${m.join(" | ")} (default: stylish)
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
`,re={format:{type:"string",short:"f"},"output-file":{type:"string",short:"o"},"max-warnings":{type:"string"},quiet:{type:"boolean"},fix:{type:"boolean"},rule:{type:"string",multiple:!0},config:{type:"string",short:"c"},"no-config-lookup":{type:"boolean"},dialect:{type:"string"},"list-rules":{type:"boolean"},"print-config":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"suppress-all":{type:"boolean"},"prune-suppressions":{type:"boolean"},"suppressions-location":{type:"string"},"pass-on-unpruned-suppressions":{type:"boolean"},"no-warn-ignored":{type:"boolean"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}};function oe(){return{cwd:process.cwd(),env:process.env,stdout:process.stdout,stderr:process.stderr,onInterrupt:V}}function V(e){return process.once("SIGINT",e),()=>process.removeListener("SIGINT",e)}function J(e){return e.env.FORCE_COLOR==="0"||e.env.NO_COLOR!==void 0&&e.env.NO_COLOR!==""?!1:e.env.FORCE_COLOR!==void 0&&e.env.FORCE_COLOR!==""?!0:e.stdout.isTTY===!0}function se(e){if(e!==void 0){if(!/^-?\d+$/.test(e.trim()))throw new u(`--max-warnings needs a whole number, not "${e}".`);return Number(e)}}function ie(e){if(!e?.length)return;let n={};for(let t of e){let o=H(t);if("error"in o)throw new u(`--rule: ${o.error}`);n[o.id]=o.setting}return n}function ae(){let e=q().map(r=>[r.id,r.severity,r.recommended?"yes":"no",r.fixable?"yes":r.hasSuggestions?"suggestion":"no",r.description]),n=["Rule","Default severity","Recommended","Fixable","Description"],t=[n,...e],o=n.map((r,a)=>Math.max(...t.map(l=>l[a].length))),s=r=>r.map((a,l)=>l===r.length-1?a:a.padEnd(o[l])).join("  ").trimEnd();return[s(n),s(o.map(r=>"-".repeat(r))),...e.map(s)].join(`
`)+`
`}function le(e,n){if(e instanceof D)return`mcp-lint: ${e.describe()}
`;if(e instanceof u)return`mcp-lint: ${e.message}
`;let t=e instanceof Error?e.message:String(e),o=n&&e instanceof Error&&e.stack?`
${e.stack}`:"";return`mcp-lint: internal error: ${t.split(`
`)[0]}${o}
This is a bug in mcp-lint; run with DEBUG=mcp-lint for details and please report it.
`}async function z(e,n={}){let t={...oe(),...n},o=(t.env.DEBUG??"").split(/[\s,]+/).some(s=>s==="mcp-lint"||s==="mcp-lint:*"||s==="*");try{if(e[0]==="probe")return await G(e.slice(1),{cwd:t.cwd,env:t.env,stdout:t.stdout,stderr:t.stderr,onInterrupt:t.onInterrupt??V,color:(c,E)=>c??(!E&&J(t)),version:$});let s;try{s=ne({args:e,options:re,allowPositionals:!0,strict:!0,tokens:!0})}catch(c){return t.stderr.write(`mcp-lint: ${R(c)}
Run "mcp-lint --help" for usage.
`),2}let{values:r,positionals:a,tokens:l}=s;if(r.help)return t.stdout.write(te),0;if(r.version)return t.stdout.write(`v${$}
`),0;if(r["list-rules"])return t.stdout.write(ae()),0;let h=ie(r.rule),w={cwd:t.cwd,...r.config!==void 0?{configPath:r.config}:{},...r["no-config-lookup"]?{noConfigLookup:!0}:{},...h?{rules:h}:{},...r.dialect!==void 0?{dialect:r.dialect}:{}};if(r["print-config"]!==void 0)return t.stdout.write(JSON.stringify(W(r["print-config"],w),null,2)+`
`),0;let v=O(r.format,t.cwd),p=se(r["max-warnings"]),b=r["output-file"],T=P(l)??(b===void 0&&J(t)),y=await A(a,{...w,fix:r.fix===!0,quiet:r.quiet===!0,...p!==void 0?{maxWarnings:p}:{},suppressAll:r["suppress-all"]===!0,pruneSuppressions:r["prune-suppressions"]===!0,...r["suppressions-location"]!==void 0?{suppressionsLocation:r["suppressions-location"]}:{},passOnUnprunedSuppressions:r["pass-on-unpruned-suppressions"]===!0,warnIgnored:r["no-warn-ignored"]!==!0}),_=g(v,y.results,{cwd:t.cwd,color:T,version:$});S(_,b,t.cwd,t.stdout);for(let c of y.notices)t.stderr.write(`${c}
`);return y.exitCode}catch(s){return t.stderr.write(le(s,o)),2}}process.exitCode=await z(process.argv.slice(2));
