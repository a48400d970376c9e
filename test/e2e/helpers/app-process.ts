/** The app as a real server process; shared with the demo, so it lives in dev/. */
export * from "../../../dev/app-process.js";
