import { createSignal } from "solid-js";
import { render } from "solid-js/web";
import { afterEach, describe, expect, it } from "vitest";
import { TagInput } from "./TagInput";

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

function mount(initial: string[] = []) {
  const [tags, setTags] = createSignal(initial);
  const root = document.createElement("div");
  document.body.append(root);
  dispose = render(() => <TagInput id="t" name="tags" label="Từ khoá" tags={tags()} onChange={setTags} />, root);
  const input = root.querySelector("input") as HTMLInputElement;
  const chips = () => [...root.querySelectorAll(".tag-chip span")].map((s) => s.textContent);
  const note = () => root.querySelector('[data-testid="tags-note"]')?.textContent ?? "";
  /** One keystroke: the browser puts the character in the field, then fires `input`. */
  const type = (text: string) => {
    for (const ch of text) {
      input.value += ch;
      input.dispatchEvent(new InputEvent("input", { bubbles: true, data: ch, inputType: "insertText" }));
    }
  };
  const key = (name: string) => {
    const event = new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true });
    input.dispatchEvent(event);
    if (name === "Backspace" && !event.defaultPrevented && input.value) {
      input.value = input.value.slice(0, -1);
      input.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "deleteContentBackward" }));
    }
    return event;
  };
  return { tags, input, chips, note, type, key, root };
}

describe("the tags field, key by key", () => {
  it("keeps every letter typed, and makes a chip at a comma", () => {
    const f = mount();
    f.type("đặc sản");
    expect(f.input.value).toBe("đặc sản");
    expect(f.chips()).toEqual([]);
    f.type(",");
    expect(f.chips()).toEqual(["#đặc sản"]);
    expect(f.input.value).toBe("");
    expect(f.tags()).toEqual(["đặc sản"]);
  });

  it("makes a chip on Enter without sending the form, and Backspace in the empty field takes it back", () => {
    const f = mount(["trà"]);
    f.type("quà Tết");
    expect(f.key("Enter").defaultPrevented).toBe(true);
    expect(f.tags()).toEqual(["trà", "quà Tết"]);
    f.key("Backspace");
    expect(f.tags()).toEqual(["trà"]);
    expect(f.note()).toBe("Đã xoá từ khoá “quà Tết”.");
    f.type("ab");
    f.key("Backspace");
    expect(f.input.value).toBe("a");
    expect(f.tags()).toEqual(["trà"]);
  });

  it("says why a tag was not added and keeps it in the field", () => {
    const f = mount(Array.from({ length: 10 }, (_, i) => `tag ${i}`));
    expect(f.root.textContent).toContain("10/10 từ khoá");
    expect(f.input.placeholder).toBe("Đã đủ từ khoá");
    f.type("thêm,");
    expect(f.note()).toBe("Đã đủ 10 từ khoá: xoá bớt một từ để thêm từ khác.");
    expect(f.input.value).toBe("thêm,");
    (f.root.querySelector('button[aria-label="Xoá từ khoá tag 9"]') as HTMLButtonElement).click();
    expect(f.tags()).toHaveLength(9);
  });
});
