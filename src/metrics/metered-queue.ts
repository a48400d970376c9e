import { GithubError } from "../github/errors.js";
import type { RequestQueue } from "../github/request-queue.js";
import { addGraphqlPoints, countGraphqlRequest } from "./metrics.js";

/**
 * The request queue, counted: every GraphQL request the app sends goes through it, and every
 * answer's `rateLimit.cost` is reported to it. One request with its retries counts once.
 */
export function meterRequestQueue(queue: RequestQueue): RequestQueue {
  return {
    run: async (scope, task) => {
      try {
        const result = await queue.run(scope, task);
        countGraphqlRequest("ok");
        return result;
      } catch (error) {
        countGraphqlRequest(error instanceof GithubError ? error.kind : "error");
        throw error;
      }
    },
    noteRateLimit: (scope, info) => {
      if (info) addGraphqlPoints(info.cost);
      queue.noteRateLimit(scope, info);
    },
    pausedUntil: (scope) => queue.pausedUntil(scope),
  };
}
