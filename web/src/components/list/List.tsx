import { type Accessor, type JSX, type Resource, Show } from "solid-js";
import { t } from "../../i18n";
import "../../i18n/portal";
import { settled } from "../../lib/resource";
import { Loaded } from "../States";

/** The line shown while a list is first fetched. */
export function Loading(props: { children?: JSX.Element }) {
  return (
    <p class="muted" aria-busy="true">
      {props.children ?? t("portal.common.loading")}
    </p>
  );
}

/**
 * A fetched list: loading, the error with a retry, `empty` when there is nothing, else `children`.
 * `children` gets the rows as an accessor: a refetch (a filter changed, a row confirmed) updates them in place.
 */
export function List<T>(props: {
  data: Resource<T[]>;
  retry: () => void;
  empty: JSX.Element;
  loading?: JSX.Element;
  children: (rows: Accessor<T[]>) => JSX.Element;
}) {
  const rows = () => settled(props.data) ?? [];
  return (
    <Loaded data={props.data} retry={props.retry} loading={props.loading ?? <Loading />}>
      {() => (
        <Show when={rows().length > 0} fallback={props.empty}>
          {props.children(rows)}
        </Show>
      )}
    </Loaded>
  );
}
