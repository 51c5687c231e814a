export { Latest } from "./Latest";
export { List, Loading } from "./List";
export { type Column, Table } from "./Table";
