import { IMPORT_FIELDS } from "@cho-ocop/core/register/import-fields";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../api/client";
import { registryAdminApi } from "../../api/registry";
import { type Key, t } from "../../i18n";
import "../../i18n/registry";
import { formatDate } from "../../lib/format";
import { useTitle } from "../../lib/title";
import "../../styles/registry.css";

type Report = Awaited<ReturnType<typeof registryAdminApi.import>>;
type Field = Report["missingColumns"][number];
type Mapping = Partial<Record<Field, string>>;

/** Staff bring a province's existing OCOP list into the register: pick the CSV, preview what it holds, then import. */
export default function RegistryImportPage() {
  useTitle(() => t("registry.import.title"));
  /** The file as the API takes it: a CSV's text, or an .xlsx as base64. */
  const [file, setFile] = createSignal<{ csv: string } | { xlsx: string }>();
  const [report, setReport] = createSignal<Report>();
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  /** The columns chosen for the fields the file's headers did not name, in the mapping step. */
  const [mapping, setMapping] = createSignal<Mapping>({});

  const read = async (file: File | undefined) => {
    setReport(undefined);
    setError("");
    setFile(undefined);
    setMapping({});
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    // An .xlsx is a zip ("PK"): the API reads its first sheet.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      setFile({ xlsx: btoa(binary) });
      return;
    }
    try {
      setFile({ csv: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "") });
    } catch {
      setError(t("registry.import.notUtf8"));
    }
  };

  const send = async (commit: boolean) => {
    setBusy(true);
    setError("");
    try {
      const chosen = mapping();
      const answer = await registryAdminApi.import({
        ...file(),
        ...(Object.keys(chosen).length > 0 ? { mapping: chosen } : {}),
        commit,
      });
      // The columns the API read, as the mapping step's starting point: the staff's own choices stay.
      setMapping({ ...(answer.missingColumns.length > 0 ? answer.columns : {}), ...chosen });
      setReport(answer);
    } catch (e) {
      setReport(undefined);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="registry-import">
      <h1>{t("registry.import.title")}</h1>
      <p class="muted">{t("registry.import.intro")}</p>
      <label class="field">
        <span>{t("registry.import.file")}</span>
        <input
          type="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void read(e.currentTarget.files?.[0])}
        />
      </label>
      <p>
        <button class="button" type="button" disabled={!file() || busy()} onClick={() => void send(false)}>
          {t("registry.import.preview")}
        </button>
      </p>
      <Show when={error()}>
        <p class="registry-note" role="alert" data-testid="import-error">
          {error()}
        </p>
      </Show>
      <Show when={report()}>
        {(r) => (
          <div data-testid="import-report">
            <Show
              when={r().committed}
              fallback={
                <p>
                  <strong>
                    {t("registry.import.summary", {
                      rows: r().rows,
                      added: r().added.length,
                      unchanged: r().unchanged.length,
                      failed: r().failed.length,
                    })}
                  </strong>
                </p>
              }
            >
              <p class="registry-status registry-status--valid" role="status">
                {t("registry.import.done", { n: r().added.length })}
              </p>
            </Show>
            <Show when={r().missingColumns.length > 0 || Object.keys(mapping()).length > 0}>
              <fieldset class="registry-import__mapping" data-testid="import-mapping">
                <legend>{t("registry.import.mapping")}</legend>
                <p class="muted">{t("registry.import.mappingHint")}</p>
                <For each={IMPORT_FIELDS}>
                  {(field) => (
                    <label class="field">
                      <span id={`import-map-${field}`}>
                        {t(`registry.import.field.${field}` as Key)}
                        <Show when={r().missingColumns.includes(field) && !mapping()[field]}>
                          {" "}
                          <strong class="registry-import__missing">{t("registry.import.missing")}</strong>
                        </Show>
                      </span>
                      <select
                        aria-labelledby={`import-map-${field}`}
                        value={mapping()[field] ?? ""}
                        onChange={(e) => {
                          const column = e.currentTarget.value;
                          setMapping((m) => {
                            const next = { ...m };
                            if (column) next[field] = column;
                            else delete next[field];
                            return next;
                          });
                        }}
                      >
                        <option value="">{t("registry.import.noColumn")}</option>
                        <For each={r().headers.filter((h) => h.trim() !== "")}>
                          {(header) => <option value={header}>{header}</option>}
                        </For>
                      </select>
                    </label>
                  )}
                </For>
                <p>
                  <button class="button" type="button" disabled={busy()} onClick={() => void send(false)}>
                    {t("registry.import.previewMapped")}
                  </button>
                </p>
              </fieldset>
            </Show>
            <Show when={r().failed.length > 0}>
              <h2>{t("registry.import.failed")}</h2>
              <ul data-testid="import-failed">
                <For each={r().failed}>
                  {(f) => (
                    <li>
                      <strong>{t("registry.import.line", { n: f.line })}</strong>: {f.errors.join("; ")}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={!r().committed && r().added.length > 0}>
              <h2>{t("registry.import.added")}</h2>
              <table class="registry-import__table" data-testid="import-added">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t("registry.number")}</th>
                    <th>{t("registry.product")}</th>
                    <th>{t("registry.producer")}</th>
                    <th>★</th>
                    <th>{t("registry.validFrom")}</th>
                    <th>{t("cert.validUntil")}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={r().added}>
                    {(row) => (
                      <tr>
                        <td>{row.line}</td>
                        <td>{row.number}</td>
                        <td>{row.productName}</td>
                        <td>{row.producerName}</td>
                        <td>{row.stars}</td>
                        <td>{formatDate(row.issuedOn)}</td>
                        <td>{formatDate(row.expiresOn)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <p>
                <button
                  class="button button--big"
                  type="button"
                  disabled={busy() || r().failed.length > 0}
                  onClick={() => void send(true)}
                >
                  {t("registry.import.commit", { n: r().added.length })}
                </button>
              </p>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
