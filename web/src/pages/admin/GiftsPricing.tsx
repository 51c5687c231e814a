import { createResource, createSignal, createUniqueId, For, type JSX, Match, Show, Switch } from "solid-js";
import { ErrorState } from "../../components/States";
import { locale, t } from "../../i18n";
import "../../i18n/portal";
import "../../i18n/sales";
import { commerceAdminApi } from "../../api/admin-commerce";
import { cartApi } from "../../api/cart";
import { formatVnd } from "../../lib/format";
import { settled } from "../../lib/resource";
import { currentUser } from "../../lib/session";
import { formatWeight } from "../../lib/shopping";
import { useTitle } from "../../lib/title";
import "../../styles/shop.css";
import { BoxForm } from "./gifts/BoxForm";
import { PricingForm } from "./gifts/PricingForm";
import { TemplateForm } from "./gifts/TemplateForm";

function Item(props: { title: string; summary: string; children: JSX.Element }) {
  const id = createUniqueId();
  return (
    <details class="panel disclosure agift">
      <summary>
        <h3 id={id}>{props.title}</h3>
        <span class="muted">{props.summary}</span>
      </summary>
      {props.children}
    </details>
  );
}

/** Central staff curate gift boxes, combo templates and pricing; province staff see them. */
export default function GiftsPricing() {
  const central = () => currentUser()?.staffScope === "central";
  const [pricing, { refetch: retryPricing }] = createResource(commerceAdminApi.pricing);
  const [boxes, { refetch: reloadBoxes }] = createResource(cartApi.boxes);
  const [templates, { refetch: reloadTemplates }] = createResource(cartApi.templates);
  const [newBox, setNewBox] = createSignal(false);
  const [newTemplate, setNewTemplate] = createSignal(false);
  useTitle(() => t("sales.agifts.title"));

  return (
    <>
      <div class="admin-head">
        <h1>{t("sales.agifts.title")}</h1>
        <p class="muted">{central() ? t("sales.agifts.lead") : t("sales.agifts.readOnly")}</p>
      </div>

      <section class="section panel" aria-labelledby="pricing-title">
        <h2 id="pricing-title">{t("sales.pricing.title")}</h2>
        <Switch fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          <Match when={pricing.state === "errored"}>
            <ErrorState error={pricing.error} retry={retryPricing} />
          </Match>
          <Match when={settled(pricing)}>{(p) => <PricingForm pricing={p()} editable={central()} />}</Match>
        </Switch>
      </section>

      <section class="section" aria-labelledby="boxes-title">
        <div class="section__head">
          <h2 id="boxes-title">{t("sales.boxes.title")}</h2>
          <Show when={central() && !newBox()}>
            <button type="button" class="button button--small" onClick={() => setNewBox(true)}>
              {t("sales.boxes.create")}
            </button>
          </Show>
        </div>
        <Show when={newBox()}>
          <div class="panel agift">
            <h3>{t("sales.boxes.new")}</h3>
            <BoxForm
              editable
              onSaved={() => {
                setNewBox(false);
                void reloadBoxes();
              }}
              onCancel={() => setNewBox(false)}
            />
          </div>
        </Show>
        <Switch fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          <Match when={boxes.state === "errored"}>
            <ErrorState error={boxes.error} retry={reloadBoxes} />
          </Match>
          <Match when={settled(boxes)}>
            {(list) => (
              // By id: saving refreshes the list without closing the form being edited (or its "saved").
              <For each={list().map((b) => b.boxId)}>
                {(boxId) => {
                  const b = () => list().find((x) => x.boxId === boxId);
                  return (
                    <Show when={b()}>
                      {(box) => (
                        <Item
                          title={locale() === "en" ? box().nameEn : box().nameVi}
                          summary={t("sales.boxes.summary", {
                            price: formatVnd(box().priceVnd),
                            capacity: formatWeight(box().capacityGrams),
                          })}
                        >
                          <BoxForm box={box()} editable={central()} onSaved={() => void reloadBoxes()} />
                        </Item>
                      )}
                    </Show>
                  );
                }}
              </For>
            )}
          </Match>
        </Switch>
      </section>

      <section class="section" aria-labelledby="templates-title">
        <div class="section__head">
          <h2 id="templates-title">{t("sales.templates.title")}</h2>
          <Show when={central() && !newTemplate()}>
            <button type="button" class="button button--small" onClick={() => setNewTemplate(true)}>
              {t("sales.templates.create")}
            </button>
          </Show>
        </div>
        <Show when={newTemplate()}>
          <div class="panel agift">
            <h3>{t("sales.templates.new")}</h3>
            <TemplateForm
              position={(settled(templates)?.length ?? 0) * 10}
              boxes={settled(boxes) ?? []}
              editable
              onSaved={() => {
                setNewTemplate(false);
                void reloadTemplates();
              }}
              onCancel={() => setNewTemplate(false)}
            />
          </div>
        </Show>
        <Switch fallback={<p class="muted">{t("portal.common.loading")}</p>}>
          <Match when={templates.state === "errored"}>
            <ErrorState error={templates.error} retry={reloadTemplates} />
          </Match>
          <Match when={settled(templates)?.length === 0}>
            <p class="muted">{t("sales.templates.empty")}</p>
          </Match>
          <Match when={settled(templates)}>
            {(list) => (
              <For each={list().map((t) => t.comboId)}>
                {(comboId, i) => {
                  const t = () => list().find((x) => x.comboId === comboId);
                  return (
                    <Show when={t()}>
                      {(template) => (
                        <Item
                          title={(locale() === "en" ? template().title.en : template().title.vi) ?? comboId}
                          summary={`${formatVnd(template().priceVnd)} · ${template().parts.length} · ${template().box.name}`}
                        >
                          <TemplateForm
                            template={template()}
                            position={i()}
                            boxes={settled(boxes) ?? []}
                            editable={central()}
                            onSaved={() => void reloadTemplates()}
                          />
                        </Item>
                      )}
                    </Show>
                  );
                }}
              </For>
            )}
          </Match>
        </Switch>
      </section>
    </>
  );
}
