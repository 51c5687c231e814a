import { describe, expect, it } from "vitest";
import { SESSION_STATUSES } from "./entities";
import { SessionLifecycle } from "./status";

describe("live session lifecycle", () => {
  it("has a row for every status", () => {
    expect(Object.keys(SessionLifecycle.transitions).sort()).toEqual([...SESSION_STATUSES].sort());
  });

  it("goes on air only from scheduled", () => {
    expect(SessionLifecycle.move("scheduled", "live")).toBe("live");
    expect(SESSION_STATUSES.filter((s) => SessionLifecycle.can(s, "live"))).toEqual(["scheduled"]);
  });

  it("ends from scheduled (never aired) or on air, and once", () => {
    expect(SESSION_STATUSES.filter((s) => SessionLifecycle.can(s, "ended"))).toEqual(["scheduled", "live"]);
    expect(() => SessionLifecycle.move("ended", "live")).toThrow(/cannot move from "ended"/);
    expect(SessionLifecycle.final()).toEqual(["ended"]);
  });
});
