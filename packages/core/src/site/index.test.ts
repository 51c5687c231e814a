import { afterEach, describe, expect, it } from "vitest";
import { Site } from "./index";

Site.configure(() => ({ publicUrl: process.env.PUBLIC_URL, port: process.env.PORT }));
const saved = { PUBLIC_URL: process.env.PUBLIC_URL, PORT: process.env.PORT };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("the site's origin in the links messages carry", () => {
  it("is the origin the request reached while one is served", async () => {
    process.env.PUBLIC_URL = "https://cho-ocop.example.vn";
    const url = await Site.withOrigin("http://192.168.1.5:3000/", async () => Site.orderUrl("01abc"));
    expect(url).toBe("http://192.168.1.5:3000/don-hang/01abc");
  });

  it("is PUBLIC_URL outside a request (a job), else the local server's address", () => {
    process.env.PUBLIC_URL = "https://cho-ocop.example.vn/";
    expect(Site.orderUrl("01abc")).toBe("https://cho-ocop.example.vn/don-hang/01abc");
    expect(Site.sellerOrdersUrl()).toBe("https://cho-ocop.example.vn/ban-hang/don-hang");
    process.env.PUBLIC_URL = "";
    process.env.PORT = "3001";
    expect(Site.orderUrl("01abc")).toBe("http://localhost:3001/don-hang/01abc");
  });
});
