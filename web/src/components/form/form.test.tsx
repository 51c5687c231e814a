import { render } from "solid-js/web";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { Input, Select, TextArea } from "./controls";
import { createForm, Form, FormMessage } from "./index";

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

function mount(send: (values: { name: string }) => Promise<string | undefined>) {
  const root = document.createElement("div");
  document.body.append(root);
  let form!: ReturnType<typeof createForm<{ name: string }>>;
  dispose = render(() => {
    form = createForm({
      id: "shop",
      fields: ["name", "group"],
      read: ({ value, errors }) => {
        const name = value("name");
        if (name.length < 2) errors.set("name", "Tên quá ngắn");
        return errors.any() ? undefined : { name };
      },
      send,
    });
    return (
      <Form of={form} class="pform">
        <Input name="name" label="Tên" hint="Như trên bao bì" maxLength={40} />
        <Input name="price" id="shop-gia" label="Giá" unit="₫" />
        <Select name="group" label="Nhóm">
          <option value="">Chọn</option>
          <option value="food">Thực phẩm</option>
        </Select>
        <TextArea name="story" label="Câu chuyện" optional />
        <button type="submit" disabled={form.busy()}>
          Lưu
        </button>
        <FormMessage error={form.errors.general()} success={form.done()} />
      </Form>
    );
  }, root);
  const $ = <E extends Element = HTMLElement>(selector: string) => root.querySelector(selector) as E;
  const submit = () => $<HTMLFormElement>("form").dispatchEvent(new Event("submit", { cancelable: true }));
  return { form: () => form, root, $, submit };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("form controls wired from a field name", () => {
  it("gives each control its id, name, label, hint and aria attributes", () => {
    const { $ } = mount(async () => undefined);
    const name = $<HTMLInputElement>("#shop-name");
    expect(name.name).toBe("name");
    expect(name.maxLength).toBe(40);
    expect($("label[for=shop-name]").textContent).toBe("Tên");
    expect(name.getAttribute("aria-describedby")).toBe("shop-name-hint");
    expect($("#shop-name-hint").textContent).toBe("Như trên bao bì");
    expect(name.getAttribute("aria-invalid")).toBe("false");
    expect($("#shop-gia").getAttribute("name")).toBe("price");
    expect($("#shop-gia").parentElement?.className).toBe("input-unit");
    expect($("#shop-group").querySelectorAll("option")).toHaveLength(2);
    expect($("#shop-story").tagName).toBe("TEXTAREA");
    expect($("label[for=shop-story] .pfield__optional")).not.toBeNull();
  });

  it("shows a check's error under its field and focuses it, without sending", async () => {
    let sent = 0;
    const { $, submit } = mount(async () => {
      sent++;
      return undefined;
    });
    submit();
    await settle();
    const name = $<HTMLInputElement>("#shop-name");
    expect(sent).toBe(0);
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(name.getAttribute("aria-describedby")).toBe("shop-name-hint shop-name-error");
    expect($("#shop-name-error").textContent).toBe("Tên quá ngắn");
    expect(document.activeElement).toBe(name);
  });

  it("is busy while sending, then shows what it returned", async () => {
    let finish!: (message: string) => void;
    const { $, submit } = mount(() => new Promise((resolve) => (finish = resolve)));
    $<HTMLInputElement>("#shop-name").value = "Mật ong";
    submit();
    expect($<HTMLButtonElement>("button").disabled).toBe(true);
    finish("Đã lưu");
    await settle();
    expect($<HTMLButtonElement>("button").disabled).toBe(false);
    expect($("[role=status]").textContent).toBe("Đã lưu");
  });

  it("puts an API error on the field it names, any other in the form's alert", async () => {
    const errors = [
      new ApiError(400, "taken", "Tên này đã có.", "group"),
      new ApiError(409, "invalid_status", "Sản phẩm đang bị tạm ngừng."),
    ];
    const { $, submit } = mount(async () => {
      throw errors.shift();
    });
    $<HTMLInputElement>("#shop-name").value = "Mật ong";
    submit();
    await settle();
    expect($("#shop-group").getAttribute("aria-invalid")).toBe("true");
    expect($("#shop-group-error").textContent).toBe("Tên này đã có.");
    expect(document.activeElement).toBe($("#shop-group"));
    expect($("form > [role=alert]")).toBeNull();
    submit();
    await settle();
    expect($("#shop-group").getAttribute("aria-invalid")).toBe("false");
    expect($("form > [role=alert]").textContent).toBe("Sản phẩm đang bị tạm ngừng.");
  });
});
