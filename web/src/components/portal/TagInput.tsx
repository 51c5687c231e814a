import { createSignal, For, Show } from "solid-js";
import { type Key, t } from "../../i18n";
import "../../i18n/portal";
import { finishTag, removeLastTag, TAG_LIMITS, type TagProblem, typeTags } from "../../lib/tags";
import { CrossIcon } from "../CrossIcon";
import { describedBy, Field } from "../form";

/**
 * Tags as chips, as sellers know them from Shopee's seller centre: type, then a comma or Enter makes a chip;
 * Backspace in the empty field or a chip's × takes one away; the count and the limits are shown. The field keeps
 * what is being typed (its `name` sends it with the form), so the form finishes it on saving — not on leaving the
 * field, where a chip appearing would move the save button from under the tap.
 */
export function TagInput(props: {
  id: string;
  name: string;
  label: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  error?: string;
}) {
  const [problem, setProblem] = createSignal<TagProblem>();
  const [removed, setRemoved] = createSignal<string>();
  let input: HTMLInputElement | undefined;

  const show = (edit: { tags: string[]; draft: string; problem?: TagProblem }) => {
    if (edit.tags.length !== props.tags.length) props.onChange(edit.tags);
    if (input && input.value !== edit.draft) input.value = edit.draft;
    setProblem(edit.problem);
    setRemoved(undefined);
  };
  const finish = () => {
    if (input?.value.trim()) show(finishTag(props.tags, input.value));
  };
  const remove = (tag: string) => {
    props.onChange(props.tags.filter((t) => t !== tag));
    setProblem(undefined);
    setRemoved(tag);
    input?.focus();
  };

  const onInput = (event: InputEvent & { currentTarget: HTMLInputElement }) => {
    const text = event.currentTarget.value;
    const edit = typeTags(props.tags, text);
    if (edit.draft === text && edit.tags.length === props.tags.length && !edit.problem) {
      if (problem() !== "full") setProblem(undefined);
      return;
    }
    show(edit);
  };
  const onKeyDown = (event: KeyboardEvent & { currentTarget: HTMLInputElement }) => {
    if (event.isComposing) return;
    if (event.key === "Enter") {
      event.preventDefault();
      finish();
    } else if (event.key === "Backspace" && event.currentTarget.value === "" && props.tags.length > 0) {
      event.preventDefault();
      const last = props.tags[props.tags.length - 1] ?? "";
      props.onChange(removeLastTag(props.tags));
      setProblem(undefined);
      setRemoved(last);
    }
  };

  const full = () => props.tags.length >= TAG_LIMITS.count;
  const note = () => {
    const p = problem();
    if (p) return t(`portal.tags.${p}` as Key);
    const r = removed();
    return r ? t("portal.editor.tagRemoved", { tag: r }) : "";
  };
  return (
    <Field
      id={props.id}
      label={props.label}
      error={props.error}
      optional
      hint={
        <>
          {t("portal.editor.tagsHint")}{" "}
          <strong class="tag-input__count" data-testid="tags-count">
            {t("portal.editor.tagsCount", { n: props.tags.length, max: TAG_LIMITS.count })}
          </strong>
        </>
      }
    >
      {/* A tap anywhere on the box types into it, as in a text field. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the input inside takes the keys */}
      <div
        class="tag-input"
        classList={{ "tag-input--error": Boolean(props.error) }}
        onClick={(e) => {
          if (e.target === e.currentTarget) input?.focus();
        }}
      >
        <Show when={props.tags.length > 0}>
          <ul class="tag-input__chips" aria-label={t("portal.editor.tagsShown")} data-testid="tag-chips">
            <For each={props.tags}>
              {(tag) => (
                <li class="tag-chip">
                  <span>#{tag}</span>
                  <button
                    type="button"
                    class="tag-chip__remove"
                    aria-label={t("portal.editor.tagRemove", { tag })}
                    onClick={() => remove(tag)}
                  >
                    <CrossIcon />
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <input
          ref={input}
          id={props.id}
          name={props.name}
          class="tag-input__field"
          autocomplete="off"
          enterkeyhint="enter"
          placeholder={full() ? t("portal.editor.tagsFull") : t("portal.editor.tagsAdd")}
          onInput={onInput}
          onKeyDown={onKeyDown}
          aria-invalid={Boolean(props.error)}
          aria-describedby={`${describedBy(props.id, { hint: true, error: props.error })} ${props.id}-note`}
        />
      </div>
      <p
        class="tag-input__note"
        classList={{ "tag-input__note--problem": Boolean(problem()) }}
        id={`${props.id}-note`}
        role="status"
        data-testid="tags-note"
      >
        {note()}
      </p>
    </Field>
  );
}
