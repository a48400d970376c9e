/** Signed webhook deliveries; shared with the demo, so they live in dev/. */
export * from "../../../dev/webhooks.js";
