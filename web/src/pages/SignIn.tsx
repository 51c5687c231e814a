import { useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Match, onCleanup, Show, Switch } from "solid-js";
import { createErrors, FormMessage, Input } from "../components/form";
import { t } from "../i18n";
import "../i18n/portal";
import { type LoginInput, sessionApi } from "../api/session";
import { isEmail, isVnMobile, normalizePhone, safeNext } from "../lib/ocop";
import { currentUser, displayName, type Me, signedIn, signOut } from "../lib/session";
import { useTitle } from "../lib/title";
import "../styles/portal.css";

/** A number or address may ask for one code per 30 s (and 5 per hour). */
export const RESEND_SECONDS = 30;

type Channel = "phone" | "email";

interface Sent {
  login: LoginInput;
  sentTo: string;
  channel: "sms" | "email";
  at: number;
}

/** Where a person goes after signing in when no page sent them here. */
function homeOf(user: Me): string {
  if (user.role === "staff") return "/quan-tri";
  if (user.role === "seller") return "/ban-hang";
  return "/";
}

/** The outbox page exists only on the local server: there, codes are "sent" to it instead of by SMS or e-mail. */
const local = ["localhost", "127.0.0.1", "[::1]"].includes(globalThis.location?.hostname ?? "");

export default function SignIn() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = () => safeNext(typeof params.next === "string" ? params.next : undefined);
  const [channel, setChannel] = createSignal<Channel>("phone");
  const [sent, setSent] = createSignal<Sent>();
  const [busy, setBusy] = createSignal(false);
  const [now, setNow] = createSignal(Date.now());
  const step1 = createErrors();
  const step2 = createErrors();
  let addressInput: HTMLInputElement | undefined;
  let codeInput: HTMLInputElement | undefined;
  let typed = "";

  useTitle(() => t("portal.signin.title"));

  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  const wait = () => {
    const s = sent();
    return s ? Math.max(0, RESEND_SECONDS - Math.floor((now() - s.at) / 1000)) : 0;
  };

  function readLogin(): LoginInput | undefined {
    const value = addressInput?.value.trim() ?? "";
    typed = value;
    if (channel() === "phone") {
      if (!isVnMobile(value)) {
        step1.set("phone", () => (value ? t("portal.invalid.phone") : t("portal.signin.phoneMissing")));
        return undefined;
      }
      return { phone: normalizePhone(value) };
    }
    if (!isEmail(value)) {
      step1.set("email", () => (value ? t("portal.invalid.email") : t("portal.signin.emailMissing")));
      return undefined;
    }
    return { email: value.toLowerCase() };
  }

  async function requestCode(login: LoginInput) {
    setBusy(true);
    try {
      const result = await sessionApi.requestCode(login);
      setSent({ login, sentTo: result.sentTo, channel: result.channel, at: Date.now() });
      setNow(Date.now());
      step2.clear();
      if (codeInput) codeInput.value = "";
      queueMicrotask(() => codeInput?.focus());
      return true;
    } catch (error) {
      return error;
    } finally {
      setBusy(false);
    }
  }

  const ask = async (event: SubmitEvent) => {
    event.preventDefault();
    step1.clear();
    const login = readLogin();
    if (!login) {
      addressInput?.focus();
      return;
    }
    const result = await requestCode(login);
    if (result !== true) {
      // Rate limits name no field: they are about this number, so they are shown at it.
      step1.at(channel(), result);
      addressInput?.focus();
    }
  };

  const resend = async () => {
    const s = sent();
    if (!s || wait() > 0 || busy()) return;
    step2.clear();
    const result = await requestCode(s.login);
    if (result !== true) step2.at("code", result);
  };

  const verify = async (event?: SubmitEvent) => {
    event?.preventDefault();
    const s = sent();
    if (!s || busy()) return;
    const code = (codeInput?.value ?? "").replace(/\D/g, "");
    step2.clear();
    if (code.length !== 6) {
      step2.set("code", () => t("portal.signin.codeFormat"));
      codeInput?.focus();
      return;
    }
    setBusy(true);
    try {
      const { user } = await sessionApi.verify(s.login, code);
      signedIn(user);
      navigate(next() ?? homeOf(user), { replace: true });
    } catch (error) {
      step2.at("code", error);
      codeInput?.select();
      codeInput?.focus();
    } finally {
      setBusy(false);
    }
  };

  const onCodeInput = () => {
    if (!codeInput) return;
    const digits = codeInput.value.replace(/\D/g, "").slice(0, 6);
    if (digits !== codeInput.value) codeInput.value = digits;
    // One-handed: the sixth digit signs in, no need to reach for the button.
    if (digits.length === 6 && !busy()) void verify();
  };

  const changeAddress = () => {
    setSent(undefined);
    step1.clear();
    step2.clear();
    queueMicrotask(() => {
      if (addressInput) {
        addressInput.value = typed;
        addressInput.focus();
      }
    });
  };

  const switchChannel = (value: Channel) => {
    setChannel(value);
    step1.clear();
    if (addressInput) addressInput.value = "";
  };

  return (
    <div class="wrap signin">
      <div class="signin__card">
        <h1>{t("portal.signin.title")}</h1>
        <Switch>
          <Match when={currentUser()}>
            {(user) => (
              <div class="signin__already">
                <p>{t("portal.signin.already", { name: displayName(user()) })}</p>
                <p class="actions">
                  <button
                    type="button"
                    class="button button--big"
                    onClick={() => navigate(next() ?? homeOf(user()), { replace: true })}
                  >
                    {t("portal.signin.continue")}
                  </button>
                  <button type="button" class="button button--ghost button--big" onClick={() => void signOut()}>
                    {t("portal.signin.other")}
                  </button>
                </p>
              </div>
            )}
          </Match>
          <Match when={!sent()}>
            <p class="muted">{t("portal.signin.lead")}</p>
            <form class="pform" onSubmit={ask} novalidate>
              <fieldset class="segmented">
                <legend class="sr-only">{t("portal.signin.with")}</legend>
                <label>
                  <input
                    type="radio"
                    name="channel"
                    value="phone"
                    checked={channel() === "phone"}
                    onChange={() => switchChannel("phone")}
                  />
                  <span class="segmented__text">{t("portal.signin.byPhone")}</span>
                </label>
                <label>
                  <input
                    type="radio"
                    name="channel"
                    value="email"
                    checked={channel() === "email"}
                    onChange={() => switchChannel("email")}
                  />
                  <span class="segmented__text">{t("portal.signin.byEmail")}</span>
                </label>
              </fieldset>
              <Show
                when={channel() === "phone"}
                fallback={
                  <Input
                    ref={addressInput}
                    id="signin-email"
                    name="email"
                    label={t("portal.signin.email")}
                    error={step1.of("email")}
                    type="email"
                    inputmode="email"
                    autocomplete="email"
                    enterkeyhint="send"
                    maxLength={200}
                    placeholder="lan@example.vn"
                  />
                }
              >
                <Input
                  ref={addressInput}
                  id="signin-phone"
                  name="phone"
                  label={t("portal.signin.phone")}
                  error={step1.of("phone")}
                  hint={t("portal.signin.phoneHint")}
                  type="tel"
                  inputmode="tel"
                  autocomplete="tel-national"
                  enterkeyhint="send"
                  maxLength={20}
                  placeholder="0912 345 678"
                />
              </Show>
              <button type="submit" class="button button--big button--block" disabled={busy()}>
                {busy() ? t("portal.signin.sending") : t("portal.signin.getCode")}
              </button>
            </form>
          </Match>
          <Match when={sent()}>
            {(s) => (
              <>
                <p role="status">
                  {s().channel === "sms"
                    ? t("portal.signin.sentSms", { to: s().sentTo })
                    : t("portal.signin.sentEmail", { to: s().sentTo })}
                </p>
                <Show when={local}>
                  <p class="note">
                    {t("portal.signin.localOutbox")}{" "}
                    <a href="/dev/outbox" target="_blank" rel="noopener">
                      {t("portal.signin.outbox")}
                    </a>
                  </p>
                </Show>
                <form class="pform" onSubmit={verify} novalidate>
                  <Input
                    ref={codeInput}
                    id="signin-code"
                    name="code"
                    label={t("portal.signin.code")}
                    error={step2.of("code")}
                    hint={t("portal.signin.codeHint")}
                    class="code-input"
                    type="text"
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    pattern="[0-9]{6}"
                    maxLength={6}
                    enterkeyhint="done"
                    onInput={onCodeInput}
                  />
                  <button type="submit" class="button button--big button--block" disabled={busy()}>
                    {busy() ? t("portal.signin.checking") : t("portal.signin.submit")}
                  </button>
                </form>
                <div class="signin__more">
                  <button
                    type="button"
                    class="button button--ghost button--block"
                    disabled={wait() > 0 || busy()}
                    onClick={resend}
                  >
                    {wait() > 0 ? t("portal.signin.resendIn", { n: wait() }) : t("portal.signin.resend")}
                  </button>
                  <button type="button" class="link-button" onClick={changeAddress}>
                    {s().channel === "sms" ? t("portal.signin.changePhone") : t("portal.signin.changeEmail")}
                  </button>
                </div>
                <FormMessage error={step2.general()} />
              </>
            )}
          </Match>
        </Switch>
      </div>
    </div>
  );
}
