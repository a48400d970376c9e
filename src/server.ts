/**
 * `npm start`: Probot's server running the app with our Octokit class. `probot run lib/index.js`
 * would build Probot's default Octokit, whose secondary-limit handler only logs — a write hit by a
 * secondary limit would be lost. `AppOctokit` retries it (see src/github/client.ts).
 * Without APP_ID and a private key, Probot serves its setup page that registers the app from app.yml.
 */
import { run } from "probot";
import { AppOctokit } from "./github/client.js";
import wrapupTracker from "./index.js";

await run(wrapupTracker, { Octokit: AppOctokit });
