import { useNavigate } from "@solidjs/router";
import { createUniqueId } from "solid-js";
import { t } from "../i18n";
import { catalogHref, type Filters } from "../lib/filters";

/** A search form that opens the catalog with `q`, keeping the other filters given in `keep`. */
export function SearchBox(props: { value?: string; keep?: Filters; size?: "lg"; onSearch?: (q: string) => void }) {
  const navigate = useNavigate();
  const id = createUniqueId();
  let input!: HTMLInputElement;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const q = input.value.trim();
    if (props.onSearch) return props.onSearch(q);
    const { sort: _sort, ...rest } = props.keep ?? {};
    navigate(catalogHref({ ...rest, q: q || undefined }));
  };
  return (
    <search>
      <form class={`search${props.size === "lg" ? " search--lg" : ""}`} onSubmit={submit}>
        <label for={id} class="sr-only">
          {t("search.label")}
        </label>
        <svg class="search__icon" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="10.5" cy="10.5" r="6.5" />
          <path d="M15.5 15.5L21 21" />
        </svg>
        <input
          ref={input}
          id={id}
          name="q"
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          maxLength={100}
          placeholder={t("search.placeholder")}
          value={props.value ?? ""}
        />
        <button type="submit" class="button">
          {t("search.submit")}
        </button>
      </form>
    </search>
  );
}
