import type { Resource } from "solid-js";

/**
 * A resource's last value while it is shown or being refreshed, else undefined. Unlike `resource.latest`, it
 * never throws: a failed refresh (a poll, a retry) leaves the page as it was and reports through `state`.
 */
export function settled<T>(resource: Resource<T>): T | undefined {
  return resource.state === "ready" || resource.state === "refreshing" ? resource.latest : undefined;
}
