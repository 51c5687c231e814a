export { type ControlAttributes, type FieldOptions, FormField, Input, Select, TextArea } from "./controls";
export {
  createErrors,
  type FormErrors,
  fieldLeaf,
  focusFirstError,
  type Message,
  messageOf,
} from "./errors";
export { describedBy, Field, FieldError, FormMessage } from "./Field";
export {
  createForm,
  Form,
  type FormAccess,
  type FormContext,
  type FormOptions,
  type FormState,
  useFormContext,
} from "./form";
