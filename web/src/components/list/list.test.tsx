import { createResource, createSignal } from "solid-js";
import { render } from "solid-js/web";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { EmptyState } from "../States";
import { List, Table } from "./index";

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = "";
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(fetch: (status: string) => Promise<{ name: string }[]>) {
  const root = document.createElement("div");
  document.body.append(root);
  const [status, setStatus] = createSignal("pending");
  let refetch!: () => void;
  dispose = render(() => {
    const [items, actions] = createResource(status, fetch);
    refetch = () => void actions.refetch();
    return (
      <List data={items} retry={refetch} empty={<EmptyState title="Không có gì" />}>
        {(rows) => (
          <Table
            rows={rows()}
            caption="Hàng chờ"
            testid="queue"
            count={`${rows().length} sản phẩm`}
            columns={["Sản phẩm", { label: "Giá", class: "num" }, { label: "Mở", hidden: true }]}
          >
            {(row) => (
              <tr>
                <th scope="row">{row.name}</th>
              </tr>
            )}
          </Table>
        )}
      </List>
    );
  }, root);
  return { root, setStatus, refetch: () => refetch() };
}

describe("a fetched list", () => {
  it("shows loading, then the table with its caption, headings and count", async () => {
    let answer!: (rows: { name: string }[]) => void;
    const { root } = mount(() => new Promise((resolve) => (answer = resolve)));
    expect(root.querySelector("[aria-busy=true]")?.textContent).toBe("Đang tải…");
    answer([{ name: "Mật ong" }, { name: "Chè" }]);
    await settle();
    const table = root.querySelector("[data-testid=queue]") as HTMLTableElement;
    expect(table.className).toBe("ptable ptable--stack");
    expect(table.querySelector("caption")?.textContent).toBe("Hàng chờ");
    expect([...table.querySelectorAll("thead th")].map((th) => th.outerHTML)).toEqual([
      '<th scope="col">Sản phẩm</th>',
      '<th scope="col" class="num">Giá</th>',
      '<th scope="col"><span class="sr-only">Mở</span></th>',
    ]);
    expect(root.querySelector(".results-count")?.textContent).toBe("2 sản phẩm");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(2);
  });

  it("shows the empty state, and the rows of a refetch in place", async () => {
    const data: Record<string, { name: string }[]> = { pending: [], approved: [{ name: "Mật ong" }] };
    const { root, setStatus } = mount(async (status) => data[status] ?? []);
    await settle();
    expect(root.querySelector(".state--empty h2")?.textContent).toBe("Không có gì");
    setStatus("approved");
    await settle();
    expect(root.querySelector("tbody th")?.textContent).toBe("Mật ong");
    data.refreshed = [{ name: "Mật ong" }, { name: "Chè" }];
    setStatus("refreshed");
    await settle();
    expect(root.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(root.querySelector(".results-count")?.textContent).toBe("2 sản phẩm");
  });

  it("shows the error with a retry", async () => {
    let fail = true;
    const { root } = mount(async () => {
      if (fail) throw new ApiError(500, "boom", "Máy chủ bận.");
      return [{ name: "Mật ong" }];
    });
    await settle();
    expect(root.querySelector("[role=alert] p")?.textContent).toBe("Máy chủ bận.");
    fail = false;
    (root.querySelector("[role=alert] button") as HTMLButtonElement).click();
    await settle();
    expect(root.querySelector("tbody th")?.textContent).toBe("Mật ong");
  });
});
