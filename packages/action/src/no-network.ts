/**
 * Stands in for @actions/http-client in the bundle (scripts/build-action.mjs
 * aliases it here). @actions/core imports it only for `getIDToken` (OIDC),
 * which the action never calls; without it the bundle holds no HTTP client at
 * all (no undici, no tunnel), so the action cannot open a socket, and starts
 * faster.
 */
const NO_NETWORK = "The mcp-lint action makes no network requests.";

export class HttpClient {
  constructor() {
    throw new Error(NO_NETWORK);
  }
}

export class BearerCredentialHandler {
  constructor() {
    throw new Error(NO_NETWORK);
  }
}
