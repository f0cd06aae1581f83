import { createRequire as __mcpLintCreateRequire } from "node:module";
import { fileURLToPath as __mcpLintFileURLToPath } from "node:url";
import { dirname as __mcpLintDirname } from "node:path";
const require = __mcpLintCreateRequire(import.meta.url);
const __filename = __mcpLintFileURLToPath(import.meta.url);
const __dirname = __mcpLintDirname(__filename);
var g=Object.create;var f=Object.defineProperty;var h=Object.getOwnPropertyDescriptor;var i=Object.getOwnPropertyNames;var j=Object.getPrototypeOf,k=Object.prototype.hasOwnProperty;var m=(a=>typeof require<"u"?require:typeof Proxy<"u"?new Proxy(a,{get:(b,c)=>(typeof require<"u"?require:b)[c]}):a)(function(a){if(typeof require<"u")return require.apply(this,arguments);throw Error('Dynamic require of "'+a+'" is not supported')});var n=(a,b,c)=>()=>{if(c)throw c[0];try{return a&&(b=a(a=0)),b}catch(d){throw c=[d],d}};var o=(a,b)=>()=>{try{return b||a((b={exports:{}}).exports,b),b.exports}catch(c){throw b=0,c}},p=(a,b)=>{for(var c in b)f(a,c,{get:b[c],enumerable:!0})},l=(a,b,c,d)=>{if(b&&typeof b=="object"||typeof b=="function")for(let e of i(b))!k.call(a,e)&&e!==c&&f(a,e,{get:()=>b[e],enumerable:!(d=h(b,e))||d.enumerable});return a};var q=(a,b,c)=>(c=a!=null?g(j(a)):{},l(b||!a||!a.__esModule?f(c,"default",{value:a,enumerable:!0}):c,a));export{m as a,n as b,o as c,p as d,q as e};
