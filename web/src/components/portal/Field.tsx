// Moved to components/form; this re-export stays until every importer is moved.
export {
  createErrors,
  describedBy,
  Field,
  type FormErrors,
  FormMessage,
  fieldLeaf,
  focusFirstError,
  type Message,
  messageOf,
} from "../form";
