import { Entity, Service } from "electrodb";
import { describe, expect, it } from "vitest";
import { entityOnFirstUse, onFirstUse, serviceOnFirstUse } from "./on-first-use";

const client = { send: async () => ({}) };
const model = {
  model: { entity: "note", version: "1", service: "test" },
  attributes: { noteId: { type: "string", required: true }, text: { type: "string" } },
  indexes: { byId: { pk: { field: "pk", composite: ["noteId"] }, sk: { field: "sk", composite: [] } } },
} as const;

describe("built on first use", () => {
  it("builds once, when first used, not when declared", () => {
    let builds = 0;
    const thing = onFirstUse(() => {
      builds++;
      return { name: "built" };
    });
    expect(builds).toBe(0);
    expect(thing.name).toBe("built");
    expect("name" in thing).toBe(true);
    expect(Object.keys(thing)).toEqual(["name"]);
    expect(builds).toBe(1);
  });

  it("an entity built on first use writes the same requests as one built at once", () => {
    const now = new Entity(model, { client, table: "t" });
    const later = entityOnFirstUse(model, { client, table: "t" });
    expect(later).toBeInstanceOf(Entity);
    expect(later.put({ noteId: "n1", text: "xin chào" }).params()).toEqual(
      now.put({ noteId: "n1", text: "xin chào" }).params(),
    );
    expect(later.get({ noteId: "n1" }).params()).toEqual(now.get({ noteId: "n1" }).params());
  });

  it("a service built on first use, over entities built on first use, writes what one built at once writes", () => {
    const now = new Service({ notes: new Entity(model, { client, table: "t" }) }, { client, table: "t" });
    const later = serviceOnFirstUse({ notes: entityOnFirstUse(model, { client, table: "t" }) }, { client, table: "t" });
    expect(later).toBeInstanceOf(Service);
    expect(later.entities.notes.get({ noteId: "n1" }).params()).toEqual(
      now.entities.notes.get({ noteId: "n1" }).params(),
    );
    expect(later.entities.notes.get({ noteId: "n1" }).params()).toMatchObject({ Key: { pk: "$test#noteid_n1" } });
  });
});
