import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests that talk to GitHub use nock; nothing may reach a real network.
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
