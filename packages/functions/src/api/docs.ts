import { html, raw } from "hono/html";
import { ROLE_NAMES, type Role } from "./roles";

interface Operation {
  "x-roles"?: string[];
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Schema; description?: string }>;
  responses?: Record<string, { description?: string }>;
}
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  maxLength?: number;
  default?: unknown;
}
interface Document {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

function describe(schema: Schema | undefined): string {
  if (!schema) return "";
  const parts: string[] = [];
  if (schema.enum) parts.push(`one of ${schema.enum.map((v) => `<code>${v}</code>`).join(", ")}`);
  else if (schema.type) parts.push(String(schema.type));
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.default !== undefined) parts.push(`default ${schema.default}`);
  return parts.join(", ");
}

/** A readable API reference rendered from the OpenAPI document, with no external assets. */
export function renderDocs(doc: Document) {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} — API reference</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1d2a1f}
h1{font-size:1.6rem}section{border-top:1px solid #d7dfd5;padding:.75rem 0}
.r{display:inline-block;background:#fff4d6;border-radius:3px;padding:0 .3rem;margin-right:.3rem}
.m{display:inline-block;min-width:3.5rem;font-weight:700;color:#0b6b3a}code{background:#eef3ec;padding:0 .25rem;border-radius:3px}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #d7dfd5;padding:.25rem .5rem;text-align:left;vertical-align:top}
</style>
</head>
<body>
<h1>${doc.info.title} <small>v${doc.info.version}</small></h1>
<p>${doc.info.description ?? ""}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Errors always have the shape
<code>{"error":{"code","message","field"?}}</code>; messages are Vietnamese unless the request sends <code>Accept-Language: en</code>.</p>
${operations.map(
  ({ path, method, op }) => html`<section>
<h2><span class="m">${method}</span><code>${path}</code></h2>
<p><strong>${op.summary ?? ""}</strong></p>
<p>Who may call it: ${(op["x-roles"] ?? []).map((r) => html`<span class="r">${ROLE_NAMES[r as Role] ?? r}</span>`)}</p>
${op.description ? html`<p>${op.description}</p>` : ""}
${
  op.parameters?.length
    ? html`<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Type</th></tr>
${op.parameters.map(
  (p) =>
    html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td><td>${raw(describe(p.schema))}</td></tr>`,
)}</table>`
    : ""
}
<p>Responses: ${Object.entries(op.responses ?? {})
    .map(([code, r]) => `${code} ${r.description ?? ""}`)
    .join(" · ")}</p>
</section>`,
)}
</body>
</html>`;
}
