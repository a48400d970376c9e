import { createSign, generateKeyPairSync } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { graphql } from "@octokit/graphql";
import type { StandIn } from "../../dev/github-stand-in/index.js";

/** Plain clients (no retry, no throttling) pointed at the stand-in, as a CLI user would point them. */
export function clientsFor(standIn: StandIn, token = "ghs_test") {
  return {
    rest: new Octokit({ baseUrl: standIn.apiUrl, auth: token }),
    graphql: graphql.defaults({ baseUrl: standIn.apiUrl, headers: { authorization: `token ${token}` } }),
  };
}

export async function post(standIn: StandIn, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(standIn.graphqlUrl, {
    method: "POST",
    headers: { authorization: "token ghs_test", "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}

/** A JWT signed as the GitHub App `appId` (any key: the stand-in checks the issuer only). */
export function appJwt(appId: number): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({ iat: now - 30, exp: now + 540, iss: appId })}`;
  return `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(privateKey).toString("base64url")}`;
}
