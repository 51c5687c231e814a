export * from "./api";
export * from "./catalogue";
