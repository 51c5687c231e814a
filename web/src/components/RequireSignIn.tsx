import { useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createResource, type JSX, Match, Switch } from "solid-js";
import { currentUser, loadMe, type Me } from "../lib/session";
import { PageSkeleton } from "./Layout";
import { ErrorState } from "./States";

/**
 * Shows its content only to a signed-in person; everyone else goes to the sign-in page and comes back here after.
 * Asks the server every time it is entered (the header's idea of who is signed in may be stale).
 */
export function RequireSignIn(props: { children: (user: () => Me) => JSX.Element }) {
  const location = useLocation();
  const navigate = useNavigate();
  const [checked, { refetch }] = createResource(loadMe);
  createEffect(() => {
    if (checked.state === "ready" && checked() === null) {
      navigate(`/dang-nhap?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  });
  return (
    <Switch fallback={<PageSkeleton />}>
      <Match when={checked.state === "errored"}>
        <div class="wrap">
          <ErrorState error={checked.error} retry={refetch} />
        </div>
      </Match>
      <Match when={checked.state === "ready" && currentUser()}>{(user) => props.children(user)}</Match>
    </Switch>
  );
}
