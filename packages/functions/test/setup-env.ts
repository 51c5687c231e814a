import { inject } from "vitest";

// Runs before each test file's imports: the domain reads its configuration from the environment.
Object.assign(process.env, inject("env"));
