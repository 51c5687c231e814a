import { type Accessor, type JSX, Match, type Resource, Switch } from "solid-js";
import { ErrorState } from "../States";
import { Loading } from "./List";

/**
 * A staff page's resource: its error with a retry, "Loading" until the first answer, then the page, which keeps
 * showing the latest answer while it is fetched again after an edit (its children read the value as it changes).
 */
export function Latest<T>(props: {
  data: Resource<T>;
  retry: () => void;
  children: (value: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.data.state === "errored"}>
        <ErrorState error={props.data.error} retry={props.retry} />
      </Match>
      <Match when={!props.data.latest}>
        <Loading />
      </Match>
      <Match when={props.data.latest}>{(value) => props.children(value)}</Match>
    </Switch>
  );
}
