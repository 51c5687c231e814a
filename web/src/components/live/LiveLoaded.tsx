import { useParams } from "@solidjs/router";
import { createResource, type JSX } from "solid-js";
import { type LiveView, liveApi } from "../../api/live";
import { t } from "../../i18n";
import "../../i18n/live";
import { useTitle } from "../../lib/title";
import { Loaded, NotFoundState } from "../States";

/** The live session of the route's `:id`, for the viewer's page and the seller's desk: loading, not found, or the page. */
export function LiveLoaded(props: {
  title: (view: LiveView) => string;
  loading: JSX.Element;
  children: (view: LiveView) => JSX.Element;
}) {
  const params = useParams();
  const [view, { refetch }] = createResource(() => params.id, liveApi.view);
  useTitle(() => (view.latest ? props.title(view.latest) : undefined));
  return (
    <Loaded
      data={view}
      retry={refetch}
      loading={props.loading}
      notFound={
        <div class="wrap">
          <NotFoundState title={t("live.notFound")} text={t("live.notFoundText")} />
        </div>
      }
    >
      {props.children}
    </Loaded>
  );
}
