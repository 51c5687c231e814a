import { defineConfig } from "vitest/config";

const shared = {
  globalSetup: ["test/global-setup.ts"],
  setupFiles: ["test/setup-env.ts"],
  testTimeout: 20_000,
  hookTimeout: 120_000,
};

/**
 * Two projects, each with its own DynamoDB Local seeded with the demo data: the storefront's read-only
 * assertions see exactly the demo, while the flows (sign-in, seller portal, review, authorization) add and
 * change products freely.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: "storefront",
          include: ["src/api/storefront.test.ts", "src/local/**/*.test.ts"],
        },
      },
      {
        test: {
          ...shared,
          name: "flows",
          // One file at a time: the flows share a database, and sweeps of unpaid orders or counts of listings in one
          // file must not see another file's work half done.
          fileParallelism: false,
          include: ["src/**/*.test.ts"],
          exclude: ["src/api/storefront.test.ts", "src/local/**/*.test.ts", "**/node_modules/**"],
        },
      },
    ],
  },
});
