import { NotFoundState } from "../components/States";
import { t } from "../i18n";
import { useTitle } from "../lib/title";

export default function NotFound() {
  useTitle(() => t("notFound.title"));
  return (
    <div class="wrap">
      <NotFoundState title={t("notFound.title")} text={t("notFound.text")} />
    </div>
  );
}
