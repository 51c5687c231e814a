import { Entity, type EntityConfiguration, type Schema, Service, type ServiceConfiguration } from "electrodb";

/**
 * An ElectroDB entity or service built when it is first used rather than when its module is imported: ElectroDB
 * checks each model against its JSON schema as it builds it (a few ms an entity, ≈150 ms for the API's entities and
 * services, the larger part of the Lambda's cold import). The object returned stands for the built one in every
 * respect: its properties, methods and prototype.
 */
export function onFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = () => {
    built ??= build();
    return built;
  };
  const stand = {} as T;
  return new Proxy(stand, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      // A proxy may report a property as non-configurable only if its target has it so.
      if (descriptor && !descriptor.configurable) Reflect.defineProperty(stand, key, descriptor);
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

/** `new Entity(schema, config)`, built on first use. */
export function entityOnFirstUse<A extends string, F extends string, C extends string, S extends Schema<A, F, C>>(
  schema: S,
  config: EntityConfiguration,
): Entity<A, F, C, S> {
  return onFirstUse(() => new Entity(schema, config));
}

/** `new Service(entities, config)`, built on first use (and its entities with it). */
// biome-ignore lint/suspicious/noExplicitAny: the constraint ElectroDB's Service itself declares
export function serviceOnFirstUse<E extends { [name: string]: Entity<any, any, any, any> }>(
  entities: E,
  config: ServiceConfiguration,
): Service<E> {
  return onFirstUse(() => new Service(entities, config));
}
