import { createContext, createSignal, type JSX, splitProps, useContext } from "solid-js";
import { createErrors, type FormErrors, focusFirstError, type Message, text } from "./errors";

/** What reading and sending a form may use: its controls' values, its errors and the element. */
export interface FormAccess {
  /** The trimmed text of a control, by name. */
  value(name: string): string;
  errors: FormErrors;
  element(): HTMLFormElement | undefined;
}

/** What sending a form gives: the message to show once it is done, if any. */
type Outcome = Promise<Message | undefined> | Promise<void>;

export interface FormOptions<T> {
  /** The controls' ids are `${id}-${name}`. */
  id: string;
  /** The form's field names: an API error naming one of them is shown beside it, any other above the button. */
  fields?: readonly string[];
  /** API field → form field, when their names differ ("key" → "scan"). */
  alias?: Record<string, string>;
  /** Reads and checks the values: sets field errors and returns undefined when something must be fixed first. */
  read?: (form: FormAccess) => T | undefined;
  /** Sends the values; what it returns is the message shown once it is done. */
  send: (values: T, form: FormAccess) => Outcome;
}

/**
 * One form's state: errors by field and for the whole form, busy while it is sent, the message once done.
 * `submit` reads, checks and sends it; `run` does the same for another action of the form (a delete button).
 */
export function createForm<T = undefined>(opts: FormOptions<T>) {
  const errors = createErrors();
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<Message>();
  let element: HTMLFormElement | undefined;
  const access: FormAccess = {
    value: (name) => (element ? String(new FormData(element).get(name) ?? "").trim() : ""),
    errors,
    element: () => element,
  };

  async function run(action: () => Outcome, fields = opts.fields ?? []) {
    setBusy(true);
    try {
      const message = await action();
      setDone(() => message || undefined);
    } catch (error) {
      errors.fromApi(error, fields, opts.alias);
      queueMicrotask(() => focusFirstError(element));
    } finally {
      setBusy(false);
    }
  }

  return {
    errors,
    busy,
    done: () => text(done()),
    setDone: (message: Message | undefined) => setDone(() => message),
    id: (name: string) => `${opts.id}-${name}`,
    ref: (el: HTMLFormElement) => {
      element = el;
    },
    element: access.element,
    value: access.value,
    run: (action: () => Outcome) => {
      errors.clear();
      setDone(undefined);
      return run(action, []);
    },
    async submit(event?: Event) {
      event?.preventDefault();
      errors.clear();
      setDone(undefined);
      const values = opts.read ? opts.read(access) : (undefined as T);
      if ((opts.read && values === undefined) || errors.any()) {
        focusFirstError(element);
        return;
      }
      await run(() => opts.send(values as T, access));
    },
  };
}
export type FormState = ReturnType<typeof createForm>;

/** What a control inside a `<Form>` learns from it: its id and its error, by field name. */
export interface FormContext {
  id(name: string): string;
  error(name: string): string | undefined;
}
const Context = createContext<FormContext>();
export const useFormContext = () => useContext(Context);

/** The `<form>` of a `createForm` state; the controls inside take their ids and errors from it. */
export function Form(props: { of: FormState } & Omit<JSX.FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "ref">) {
  const [own, rest] = splitProps(props, ["of", "children"]);
  const context: FormContext = { id: own.of.id, error: own.of.errors.of };
  return (
    <form ref={own.of.ref} onSubmit={(event) => own.of.submit(event)} novalidate {...rest}>
      <Context.Provider value={context}>{own.children}</Context.Provider>
    </form>
  );
}
