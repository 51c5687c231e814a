export { List, Loading } from "./List";
export { type Column, Table } from "./Table";
