import { cccdDigits, cccdProblem } from "@cho-ocop/core/seller/verification/cccd";
import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { ApiError } from "../../api/client";
import { type SellerVerification, sellerApi } from "../../api/seller";
import { createErrors, describedBy, Field, FormMessage, focusFirstError } from "../../components/form";
import { Latest } from "../../components/list";
import { BackLink } from "../../components/portal/bits";
import { type Key, t } from "../../i18n";
import "../../i18n/portal";
import "../../i18n/verify";
import "../../styles/verify.css";
import { formatDateTime } from "../../lib/format";
import { acceptedTypes, type UploadPurpose } from "../../lib/ocop";
import { useTitle } from "../../lib/title";
import { FileCheckError, uploadFile } from "../../lib/upload";

type Status = SellerVerification["status"];
/** The badge colour of each status, shared with the product statuses. */
const BADGE: Record<Status, string> = {
  unsubmitted: "draft",
  submitted: "pending",
  verified: "approved",
  rejected: "rejected",
};

export function VerificationStatus(props: { verification: SellerVerification }) {
  const v = () => props.verification;
  return (
    <section
      class={`status-panel status-panel--${BADGE[v().status]}`}
      aria-labelledby="verify-status-title"
      data-testid="verification-status"
    >
      <h2 id="verify-status-title" class="sr-only">
        {t("verify.status")}
      </h2>
      <p class="status-panel__head">
        <span class={`status status--${BADGE[v().status]}`}>{t(`verify.status.${v().status}` as Key)}</span>
      </p>
      <p
        class={v().status === "rejected" ? "status-panel__reason" : "status-panel__cert"}
        data-testid="verification-text"
      >
        {v().status === "rejected"
          ? t("verify.text.rejected", { reason: v().reason ?? "" })
          : t(`verify.text.${v().status}` as Key, { at: v().submittedAt ? formatDateTime(v().submittedAt ?? "") : "" })}
      </p>
    </section>
  );
}

/** A photo taken with the phone's camera (or a file chosen on a desktop), checked before anything is sent. */
function FileField(props: {
  id: string;
  label: string;
  hint: string;
  purpose: UploadPurpose;
  camera: boolean;
  error?: string;
  onPick: (file: File | undefined) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <input
        id={props.id}
        type="file"
        accept={props.camera ? "image/*" : `image/*,${acceptedTypes(props.purpose).accept}`}
        {...(props.camera ? { capture: "environment" } : {})}
        aria-invalid={Boolean(props.error)}
        aria-describedby={describedBy(props.id, { hint: true, error: props.error })}
        onChange={(e) => {
          props.onPick(e.currentTarget.files?.[0]);
        }}
      />
    </Field>
  );
}

function VerificationForm(props: { current: SellerVerification; onSent: (v: SellerVerification) => void }) {
  const errors = createErrors();
  const [busy, setBusy] = createSignal(false);
  const [sent, setSent] = createSignal(false);
  const files: Record<"front" | "back" | "registration", File | undefined> = {
    front: undefined,
    back: undefined,
    registration: undefined,
  };
  let form: HTMLFormElement | undefined;

  const upload = async (field: keyof typeof files, purpose: UploadPurpose) => {
    const file = files[field];
    if (!file) throw new Error("missing file");
    try {
      return await uploadFile(file, purpose);
    } catch (error) {
      if (error instanceof FileCheckError) {
        const p = error.problem;
        errors.set(field, () =>
          p.code === "type"
            ? t("verify.file.type", { accepted: p.accepted })
            : p.code === "size"
              ? t("verify.file.size", { maxMb: p.maxMb })
              : t("verify.file.empty"),
        );
      }
      throw error;
    }
  };

  const send = async (event: SubmitEvent) => {
    event.preventDefault();
    errors.clear();
    setSent(false);
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const fullName = String(data.get("fullName") ?? "").trim();
    const cccdNumber = cccdDigits(String(data.get("cccdNumber") ?? ""));
    const registrationNumber = String(data.get("registrationNumber") ?? "").trim();
    if (fullName.length < 2) errors.set("fullName", () => t("verify.missing.fullName"));
    if (cccdProblem(cccdNumber)) errors.set("cccdNumber", () => t("verify.invalid.cccd"));
    if (!files.front) errors.set("front", () => t("verify.missing.front"));
    if (!files.back) errors.set("back", () => t("verify.missing.back"));
    if (!files.registration) errors.set("registration", () => t("verify.missing.registration"));
    if (errors.any()) return focusFirstError(form);
    setBusy(true);
    try {
      const [cardFrontKey, cardBackKey, registrationKey] = [
        await upload("front", "identity-card"),
        await upload("back", "identity-card"),
        await upload("registration", "business-registration"),
      ];
      const next = await sellerApi.submitVerification({
        fullName,
        cccdNumber,
        cardFrontKey,
        cardBackKey,
        registrationKey,
        ...(registrationNumber ? { registrationNumber } : {}),
      });
      setSent(true);
      props.onSent(next);
    } catch (error) {
      if (error instanceof FileCheckError) return focusFirstError(form);
      const field = error instanceof ApiError ? error.field : undefined;
      if (field === "cccdNumber") errors.set("cccdNumber", () => t("verify.invalid.cccd"));
      else
        errors.fromApi(error, ["fullName", "registrationNumber", "front", "back", "registration"], {
          cardFrontKey: "front",
          cardBackKey: "back",
          registrationKey: "registration",
        });
      focusFirstError(form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="pform verify-form" onSubmit={send} novalidate aria-labelledby="verify-form-title">
      <h2 id="verify-form-title">{t("verify.form")}</h2>
      <Field id="verify-name" label={t("verify.fullName")} error={errors.of("fullName")}>
        <input
          id="verify-name"
          name="fullName"
          autocomplete="name"
          maxLength={100}
          value={props.current.fullName ?? ""}
          onInput={() => errors.set("fullName", undefined)}
          aria-invalid={Boolean(errors.of("fullName"))}
          aria-describedby={describedBy("verify-name", { error: errors.of("fullName") })}
        />
      </Field>
      <Field id="verify-cccd" label={t("verify.cccd")} hint={t("verify.cccdHint")} error={errors.of("cccdNumber")}>
        <input
          id="verify-cccd"
          name="cccdNumber"
          inputmode="numeric"
          autocomplete="off"
          maxLength={15}
          value={props.current.cccdNumber ?? ""}
          onInput={() => errors.set("cccdNumber", undefined)}
          aria-invalid={Boolean(errors.of("cccdNumber"))}
          aria-describedby={describedBy("verify-cccd", { hint: true, error: errors.of("cccdNumber") })}
        />
      </Field>
      <FileField
        id="verify-front"
        label={t("verify.front")}
        hint={t("verify.photoHint")}
        purpose="identity-card"
        camera
        error={errors.of("front")}
        onPick={(f) => {
          files.front = f;
          errors.set("front", undefined);
        }}
      />
      <FileField
        id="verify-back"
        label={t("verify.back")}
        hint={t("verify.photoHint")}
        purpose="identity-card"
        camera
        error={errors.of("back")}
        onPick={(f) => {
          files.back = f;
          errors.set("back", undefined);
        }}
      />
      <FileField
        id="verify-registration"
        label={t("verify.registration")}
        hint={t("verify.registrationHint")}
        purpose="business-registration"
        camera={false}
        error={errors.of("registration")}
        onPick={(f) => {
          files.registration = f;
          errors.set("registration", undefined);
        }}
      />
      <Field id="verify-regno" label={t("verify.registrationNumber")} optional error={errors.of("registrationNumber")}>
        <input
          id="verify-regno"
          name="registrationNumber"
          maxLength={40}
          value={props.current.registrationNumber ?? ""}
          aria-invalid={Boolean(errors.of("registrationNumber"))}
        />
      </Field>
      <p class="note">{t("verify.privacy")}</p>
      <button type="submit" class="button" disabled={busy()}>
        {busy()
          ? t("verify.sending")
          : props.current.status === "unsubmitted"
            ? t("verify.submit")
            : t("verify.resubmit")}
      </button>
      <FormMessage error={errors.general()} success={sent() ? t("verify.sent") : undefined} />
    </form>
  );
}

function Papers(props: { verification: SellerVerification }) {
  const links = () =>
    [
      [t("verify.front"), props.verification.cardFrontUrl],
      [t("verify.back"), props.verification.cardBackUrl],
      [t("verify.registration"), props.verification.registrationUrl],
    ].filter((l): l is [string, string] => Boolean(l[1]));
  return (
    <Show when={links().length}>
      <section class="section panel" aria-labelledby="verify-papers-title">
        <h2 id="verify-papers-title">{t("verify.papers")}</h2>
        <ul class="plain-list">
          <For each={links()}>
            {([label, url]) => (
              <li>
                <a href={url} target="_blank" rel="noopener">
                  {label}
                </a>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** The seller's identity verification, needed before their first live: status, reason, the form to (re)submit. */
export default function Verification() {
  const [verification, { refetch, mutate }] = createResource(sellerApi.verification);
  useTitle(() => t("verify.title"));
  return (
    <div class="wrap portal portal--narrow">
      <header class="portal-head">
        <BackLink href="/ban-hang/live">{t("verify.toLives")}</BackLink>
        <h1>{t("verify.title")}</h1>
        <p class="muted">{t("verify.lead")}</p>
      </header>
      <Latest data={verification} retry={refetch}>
        {(v) => (
          <>
            <VerificationStatus verification={v()} />
            <Show when={v().status === "verified"}>
              <p>
                <A href="/ban-hang/live" class="button">
                  {t("verify.toLives")}
                </A>
              </p>
            </Show>
            <Show when={v().status !== "verified"}>
              <section class="section panel">
                <VerificationForm current={v()} onSent={(next) => mutate(next)} />
              </section>
            </Show>
            <Papers verification={v()} />
          </>
        )}
      </Latest>
    </div>
  );
}
