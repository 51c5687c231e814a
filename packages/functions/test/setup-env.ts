import { inject } from "vitest";
import { compose } from "../src/adapters/index";

// Runs before each test file's imports: the adapters are chosen, from the run's configuration, as on start-up.
Object.assign(process.env, inject("env"));
await compose();
