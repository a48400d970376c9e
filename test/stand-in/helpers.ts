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
