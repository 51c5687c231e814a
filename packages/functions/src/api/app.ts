import { OpenAPIHono } from "@hono/zod-openapi";

// Placeholder while the API is being written; replaced by the real app.
export const app = new OpenAPIHono();
app.get("/api/health", (c) => c.json({ ok: true }));
