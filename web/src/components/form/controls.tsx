import { type JSX, splitProps } from "solid-js";
import { describedBy, Field } from "./Field";
import { useFormContext } from "./form";

/** What a control carries to be read with its label, hint and error. */
export interface ControlAttributes {
  id: string;
  name: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

export interface FieldOptions {
  /** The field's name: the control's `name`, the key of its error, the end of its id. */
  name: string;
  label: JSX.Element;
  hint?: JSX.Element;
  optional?: boolean;
  /** The control's id when it is not the form's `${form}-${name}`. */
  id?: string;
  /** The error to show when it is not the form's error for this name. */
  error?: string;
  /** A class for the field around the control. */
  fieldClass?: string;
}
const FIELD_OPTIONS = ["name", "label", "hint", "optional", "id", "error", "fieldClass"] as const;

/**
 * A labelled field around any control, given its name: `children` receives the id, name and aria attributes
 * to spread on the control. Inside a `<Form>`, the id and the error come from the form.
 */
export function FormField(props: FieldOptions & { children: (control: ControlAttributes) => JSX.Element }) {
  const form = useFormContext();
  const id = () => props.id ?? form?.id(props.name) ?? props.name;
  const error = () => props.error ?? form?.error(props.name);
  const control: ControlAttributes = {
    get id() {
      return id();
    },
    get name() {
      return props.name;
    },
    get "aria-invalid"() {
      return Boolean(error());
    },
    get "aria-describedby"() {
      return describedBy(id(), { hint: props.hint, error: error() });
    },
  };
  return (
    <Field
      id={id()}
      label={props.label}
      hint={props.hint}
      error={error()}
      optional={props.optional}
      class={props.fieldClass}
    >
      {props.children(control)}
    </Field>
  );
}

/** A text input in its field; `unit` is shown after it ("₫", "g"). */
export function Input(
  props: FieldOptions & { unit?: string } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "id" | "name">,
) {
  const [field, own, input] = splitProps(props, FIELD_OPTIONS, ["unit"]);
  return (
    <FormField {...field}>
      {(control) =>
        own.unit ? (
          <span class="input-unit">
            <input {...control} {...input} />
            <span aria-hidden="true">{own.unit}</span>
          </span>
        ) : (
          <input {...control} {...input} />
        )
      }
    </FormField>
  );
}

export function TextArea(props: FieldOptions & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">) {
  const [field, textarea] = splitProps(props, FIELD_OPTIONS);
  return <FormField {...field}>{(control) => <textarea {...control} {...textarea} />}</FormField>;
}

/** A select in its field; its options are the children. */
export function Select(props: FieldOptions & Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, "id" | "name">) {
  const [field, select] = splitProps(props, FIELD_OPTIONS);
  return <FormField {...field}>{(control) => <select {...control} {...select} />}</FormField>;
}
