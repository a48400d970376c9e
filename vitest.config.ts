import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests that talk to GitHub use nock; nothing may reach a real network.
    environment: "node",
    testTimeout: 20_000,
    // End-to-end files mostly wait on sockets and Octokit's write spacing, not on the CPU:
    // running four at once keeps the suite short even on a 2-core machine.
    maxWorkers: 4,
    hookTimeout: 30_000,
  },
});
