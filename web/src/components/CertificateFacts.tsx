import type { Certificate } from "@cho-ocop/core/certificate/index";
import type { JSX } from "solid-js";
import { t } from "../i18n";
import { formatDate } from "../lib/format";
import { OcopStars } from "./OcopStars";

interface Facts {
  stars: number;
  decisionNumber: string;
  decisionDate: string;
  issuer: string;
  level: Certificate.Level;
  validUntil: string;
}

/** What an OCOP certificate says (stars, decision, issuing body and level, validity), as a list of facts. */
export function CertificateFacts(props: {
  cert: Facts;
  class: string;
  testId?: string;
  decisionTestId: string;
  validUntilTestId?: string;
  /** More facts after these (the council's score, for staff). */
  children?: JSX.Element;
}) {
  return (
    <dl class={props.class} data-testid={props.testId}>
      <div>
        <dt>{t("cert.stars")}</dt>
        <dd class="cert__stars">
          <OcopStars stars={props.cert.stars} size="lg" />
          <span>{t("cert.starsValue", { n: props.cert.stars })}</span>
        </dd>
      </div>
      <div>
        <dt>{t("cert.decision")}</dt>
        <dd data-testid={props.decisionTestId}>{props.cert.decisionNumber}</dd>
      </div>
      <div>
        <dt>{t("cert.decisionDate")}</dt>
        <dd>{formatDate(props.cert.decisionDate)}</dd>
      </div>
      <div>
        <dt>{t("cert.issuer")}</dt>
        <dd>{props.cert.issuer}</dd>
      </div>
      <div>
        <dt>{t("cert.level")}</dt>
        <dd>{t(`cert.level.${props.cert.level}`)}</dd>
      </div>
      <div>
        <dt>{t("cert.validUntil")}</dt>
        <dd data-testid={props.validUntilTestId}>{formatDate(props.cert.validUntil)}</dd>
      </div>
      {props.children}
    </dl>
  );
}
