export * as Order from "./order";
