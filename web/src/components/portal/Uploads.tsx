import { createSignal, For, type JSX, onCleanup, Show } from "solid-js";
import { ApiError } from "../../api/client";
import { t } from "../../i18n";
import "../../i18n/portal";
import { acceptedTypes, checkFile, type FileProblem, formatBytes, isPdf } from "../../lib/ocop";
import { FileCheckError, uploadFile } from "../../lib/upload";
import { CrossIcon } from "../CrossIcon";
import { describedBy, messageOf } from "../form";

export function fileProblemMessage(problem: FileProblem): string {
  switch (problem.code) {
    case "type":
      return t("portal.file.type", { types: problem.accepted });
    case "size":
      return t("portal.file.size", { mb: problem.maxMb });
    default:
      return t("portal.file.empty");
  }
}

export function uploadMessage(error: unknown): string {
  if (error instanceof FileCheckError) return fileProblemMessage(error.problem);
  if (error instanceof ApiError && error.code === "upload_failed") return t("portal.file.uploadFailed");
  return messageOf(error);
}

export interface PhotoItem {
  key: string;
  url: string;
}

interface Uploading {
  id: number;
  name: string;
  preview: string;
  progress: number;
}

let sequence = 0;

/**
 * Photos of a product or producer: pick from the phone's camera or gallery, checked here (JPEG/PNG/WebP ≤ 5 MB),
 * then uploaded straight to storage with a progress bar and a preview. The first photo is the main one.
 */
export function PhotoPicker(props: {
  id: string;
  label: string;
  purpose: "product-image" | "producer-photo";
  photos: PhotoItem[];
  max: number;
  onChange: (photos: PhotoItem[]) => void;
  onBusy?: (busy: boolean) => void;
  error?: string;
}) {
  const [uploads, setUploads] = createSignal<Uploading[]>([]);
  const [problem, setProblem] = createSignal<string>();
  const previews: string[] = [];
  onCleanup(() => {
    for (const url of previews) URL.revokeObjectURL(url);
  });
  const error = () => problem() ?? props.error;
  const rules = acceptedTypes(props.purpose);

  const setProgress = (id: number, progress: number) =>
    setUploads(uploads().map((u) => (u.id === id ? { ...u, progress } : u)));
  const drop = (id: number) => {
    setUploads(uploads().filter((u) => u.id !== id));
    props.onBusy?.(uploads().length > 0);
  };

  async function start(file: File) {
    const refused = checkFile(file, props.purpose);
    if (refused) {
      setProblem(fileProblemMessage(refused));
      return;
    }
    const id = ++sequence;
    const preview = URL.createObjectURL(file);
    previews.push(preview);
    setUploads([...uploads(), { id, name: file.name, preview, progress: 0 }]);
    props.onBusy?.(true);
    try {
      const key = await uploadFile(file, props.purpose, (f) => setProgress(id, f));
      props.onChange([...props.photos, { key, url: preview }]);
    } catch (cause) {
      setProblem(uploadMessage(cause));
    } finally {
      drop(id);
    }
  }

  const pick: JSX.EventHandler<HTMLInputElement, Event> = (event) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = "";
    setProblem(undefined);
    const room = props.max - props.photos.length - uploads().length;
    if (files.length > room) setProblem(t("portal.file.tooMany", { n: props.max }));
    for (const file of files.slice(0, Math.max(0, room))) void start(file);
  };

  const remove = (index: number) => props.onChange(props.photos.filter((_, i) => i !== index));
  const makeMain = (index: number) => {
    const list = [...props.photos];
    const [chosen] = list.splice(index, 1);
    if (chosen) props.onChange([chosen, ...list]);
  };

  return (
    <div class="pfield" classList={{ "pfield--error": Boolean(error()) }}>
      <span class="pfield__label" id={`${props.id}-label`}>
        {props.label}
      </span>
      <ul class="photos" aria-labelledby={`${props.id}-label`}>
        <For each={props.photos}>
          {(photo, i) => (
            <li class="photos__item">
              <img src={photo.url} alt={t("portal.photos.photo", { n: i() + 1 })} width="160" height="120" />
              <Show when={i() === 0}>
                <span class="photos__main">{t("portal.photos.main")}</span>
              </Show>
              <span class="photos__actions">
                <Show when={i() > 0}>
                  <button type="button" class="chip-button" onClick={() => makeMain(i())}>
                    {t("portal.photos.makeMain")}
                    <span class="sr-only"> ({t("portal.photos.photo", { n: i() + 1 })})</span>
                  </button>
                </Show>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t("portal.photos.remove", { n: i() + 1 })}
                  onClick={() => remove(i())}
                >
                  <CrossIcon />
                </button>
              </span>
            </li>
          )}
        </For>
        <For each={uploads()}>
          {(u) => (
            <li class="photos__item photos__item--uploading">
              <img src={u.preview} alt="" width="160" height="120" />
              <progress
                class="progress"
                max="1"
                value={u.progress}
                aria-label={t("portal.file.uploading", { name: u.name })}
              />
            </li>
          )}
        </For>
        <Show when={props.photos.length + uploads().length < props.max}>
          <li class="photos__item photos__item--add">
            <label class="photos__add" for={props.id}>
              <svg viewBox="0 0 24 24" aria-hidden="true">
                <path d="M12 5v14M5 12h14" />
              </svg>
              <span id={`${props.id}-add`}>{t("portal.photos.add")}</span>
            </label>
            <input
              id={props.id}
              class="file-input"
              type="file"
              accept={rules.accept}
              multiple
              aria-labelledby={`${props.id}-label ${props.id}-add`}
              aria-invalid={Boolean(error())}
              aria-describedby={describedBy(props.id, { hint: true, error: error() })}
              onChange={pick}
            />
          </li>
        </Show>
      </ul>
      <p class="pfield__hint" id={`${props.id}-hint`}>
        {t("portal.photos.hint", { types: rules.names, n: props.max })}
      </p>
      <Show when={uploads().length > 0}>
        <p class="sr-only" role="status">
          {t("portal.file.uploadingCount", { n: uploads().length })}
        </p>
      </Show>
      <Show when={error()}>
        <p class="pfield__error" id={`${props.id}-error`} role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}

/** One certificate scan: an image or a PDF up to 10 MB, with its progress and a preview. */
export function ScanPicker(props: {
  id: string;
  label: string;
  onChange: (key: string | undefined) => void;
  onBusy?: (busy: boolean) => void;
  error?: string;
}) {
  const [file, setFile] = createSignal<{ name: string; size: number; preview?: string; pdf: boolean }>();
  const [progress, setProgress] = createSignal<number>();
  const [problem, setProblem] = createSignal<string>();
  const [done, setDone] = createSignal(false);
  let preview: string | undefined;
  onCleanup(() => preview && URL.revokeObjectURL(preview));
  const error = () => problem() ?? props.error;
  const rules = acceptedTypes("certificate-scan");

  const pick: JSX.EventHandler<HTMLInputElement, Event> = async (event) => {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    input.value = "";
    if (!chosen) return;
    setProblem(undefined);
    const refused = checkFile(chosen, "certificate-scan");
    if (refused) {
      setProblem(fileProblemMessage(refused));
      return;
    }
    if (preview) URL.revokeObjectURL(preview);
    const pdf = chosen.type === "application/pdf" || isPdf(chosen.name);
    preview = pdf ? undefined : URL.createObjectURL(chosen);
    setFile({ name: chosen.name, size: chosen.size, preview, pdf });
    setDone(false);
    setProgress(0);
    props.onChange(undefined);
    props.onBusy?.(true);
    try {
      const key = await uploadFile(chosen, "certificate-scan", setProgress);
      setDone(true);
      props.onChange(key);
    } catch (cause) {
      setFile(undefined);
      setProblem(uploadMessage(cause));
    } finally {
      setProgress(undefined);
      props.onBusy?.(false);
    }
  };

  return (
    <div class="pfield" classList={{ "pfield--error": Boolean(error()) }}>
      <span class="pfield__label" id={`${props.id}-label`}>
        {props.label}
      </span>
      <Show when={file()}>
        {(f) => (
          <div class="scan-file">
            <Show
              when={f().preview}
              fallback={
                <span class="scan-file__pdf" aria-hidden="true">
                  PDF
                </span>
              }
            >
              {(src) => <img src={src()} alt={t("portal.scan.preview")} width="96" height="72" />}
            </Show>
            <span class="scan-file__text">
              <span class="scan-file__name">{f().name}</span>
              <span class="muted">{formatBytes(f().size)}</span>
              <Show when={progress() !== undefined}>
                <progress
                  class="progress"
                  max="1"
                  value={progress() ?? 0}
                  aria-label={t("portal.file.uploading", { name: f().name })}
                />
              </Show>
              <Show when={done()}>
                <span class="scan-file__done" role="status">
                  {t("portal.scan.uploaded")}
                </span>
              </Show>
            </span>
          </div>
        )}
      </Show>
      <label class="button button--ghost file-button" for={props.id}>
        {file() ? t("portal.scan.change") : t("portal.scan.choose")}
      </label>
      <input
        id={props.id}
        class="file-input"
        type="file"
        accept={rules.accept}
        aria-labelledby={`${props.id}-label`}
        aria-invalid={Boolean(error())}
        aria-describedby={describedBy(props.id, { hint: true, error: error() })}
        onChange={pick}
      />
      <p class="pfield__hint" id={`${props.id}-hint`}>
        {t("portal.scan.hint", { types: rules.names })}
      </p>
      <Show when={error()}>
        <p class="pfield__error" id={`${props.id}-error`} role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
