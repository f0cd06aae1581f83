import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  canonicalSpecifier,
  isSdkSpecifier,
  SDK_MODULES,
  SDK_SYMBOLS,
  sdkLineOf,
  sdkModule,
  sdkSymbol,
} from "../../../packages/core/src/code/js/sdk-catalog.js";

const require = createRequire(import.meta.url);

describe("SDK catalog against the installed SDK packages", () => {
  for (const mod of SDK_MODULES) {
    it(`ESM ${mod.specifier} exports ${mod.exports.join(", ")}`, async () => {
      const loaded = (await import(mod.specifier)) as Record<string, unknown>;
      for (const name of mod.exports) {
        expect(typeof loaded[name], `${mod.specifier} no longer exports ${name}`).toBe("function");
      }
    });
    it(`CommonJS ${mod.specifier} exports the same names`, () => {
      const loaded = require(mod.specifier) as Record<string, unknown>;
      for (const name of mod.exports) {
        expect(typeof loaded[name], `require(${mod.specifier}) no longer exports ${name}`).toBe("function");
      }
    });
  }

  it("lists every catalog symbol in at least one module, and only known symbols", () => {
    const exported = new Set(SDK_MODULES.flatMap((m) => m.exports));
    expect([...exported].filter((n) => !Object.hasOwn(SDK_SYMBOLS, n))).toEqual([]);
    expect(Object.keys(SDK_SYMBOLS).filter((n) => !exported.has(n))).toEqual([]);
  });

  it("classes are constructors and functions are plain functions in the installed packages", async () => {
    for (const mod of SDK_MODULES) {
      const loaded = (await import(mod.specifier)) as Record<string, unknown>;
      for (const name of mod.exports) {
        const value = loaded[name] as { prototype?: unknown };
        const isClass = /^class\b/.test(Function.prototype.toString.call(value));
        expect(isClass, `${mod.specifier}#${name}`).toBe(SDK_SYMBOLS[name]!.kind === "class");
      }
    }
  });

  it("the deprecations the rules describe are still marked in the installed typings", async () => {
    const { readFile } = await import("node:fs/promises");
    const dts = (p: string) => readFile(require.resolve(`@modelcontextprotocol/sdk/${p}`).replace(/\.js$/, ".d.ts"), "utf8");
    expect(await dts("client/sse.js")).toMatch(/@deprecated SSEClientTransport is deprecated/);
    expect(await dts("server/sse.js")).toMatch(/@deprecated SSEServerTransport is deprecated/);
    expect(await dts("server/index.js")).toMatch(/@deprecated Use `McpServer` instead/);
    const mcp = await dts("server/mcp.js");
    expect(mcp).toMatch(/@deprecated Use `registerTool` instead/);
    expect(mcp).toMatch(/@deprecated Use `registerPrompt` instead/);
    expect(mcp).toMatch(/@deprecated Use `registerResource` instead/);
  });

  it("v2 dropped what the catalog says it dropped", async () => {
    const server = (await import("@modelcontextprotocol/server")) as Record<string, unknown>;
    const client = (await import("@modelcontextprotocol/client")) as Record<string, unknown>;
    expect(server.SSEServerTransport).toBeUndefined();
    expect(server.StreamableHTTPServerTransport).toBeUndefined();
    expect(client.WebSocketClientTransport).toBeUndefined();
    // v2 McpServer has no variadic tool()/prompt()/resource()
    const McpServer = server.McpServer as { prototype: Record<string, unknown> };
    expect(McpServer.prototype.tool).toBeUndefined();
    expect(typeof McpServer.prototype.registerTool).toBe("function");
    for (const s of Object.values(SDK_SYMBOLS)) {
      if (!s.removedInV2) continue;
      const v2 = SDK_MODULES.filter((m) => m.line === "v2" && m.exports.includes(s.name));
      expect(v2, s.name).toEqual([]);
    }
  });

  it("the bare v1 package specifier does not resolve", async () => {
    await expect(import("@modelcontextprotocol/sdk" as string)).rejects.toThrow();
  });
});

describe("specifier helpers", () => {
  it("normalises v1 deep imports", () => {
    expect(canonicalSpecifier("@modelcontextprotocol/sdk/server/mcp")).toBe("@modelcontextprotocol/sdk/server/mcp.js");
    expect(canonicalSpecifier("@modelcontextprotocol/sdk/dist/esm/server/mcp.js")).toBe("@modelcontextprotocol/sdk/server/mcp.js");
    expect(canonicalSpecifier("@modelcontextprotocol/sdk/dist/cjs/client/index")).toBe("@modelcontextprotocol/sdk/client/index.js");
    expect(canonicalSpecifier("@modelcontextprotocol/sdk/client")).toBe("@modelcontextprotocol/sdk/client");
    expect(sdkModule("@modelcontextprotocol/sdk/server/stdio")?.exports).toEqual(["StdioServerTransport"]);
  });

  it("knows which specifiers are the SDK", () => {
    expect(sdkLineOf("@modelcontextprotocol/sdk/types.js")).toBe("v1");
    expect(sdkLineOf("@modelcontextprotocol/server/stdio")).toBe("v2");
    expect(isSdkSpecifier("@modelcontextprotocol/server-everything")).toBe(false);
    expect(isSdkSpecifier("@modelcontextprotocol/servers")).toBe(false);
    expect(isSdkSpecifier("mcp-sdk")).toBe(false);
    expect(sdkSymbol("./local.js", "Client")).toBeUndefined();
    expect(sdkSymbol("@modelcontextprotocol/client", "Client")?.role).toBe("client");
    expect(sdkSymbol("@modelcontextprotocol/client", "toString")).toBeUndefined();
  });
});
