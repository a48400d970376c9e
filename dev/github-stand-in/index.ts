/** The GitHub stand-in: `startStandIn` and the world builders. See world.ts for the world format. */
export { startStandIn, type StandIn, type StandInOptions, type RecordedRequest } from "./server.js";
export { Faults, type Fault, type FaultTarget } from "./faults.js";
export { PointBudget } from "./points.js";
export { getGithubSchema, answerGraphql } from "./graphql-handler.js";
export * from "./world.js";
