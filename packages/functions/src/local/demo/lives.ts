/**
 * Demo live sessions, coming up, so that the home page's strip and the Live page show something on `pnpm start`.
 * Their start is relative to the day they are scheduled (Vietnam time), like the certificates' dates.
 */
export interface DemoLive {
  producer: string;
  title: string;
  /** Days after today (Vietnam), and the hour and minute it starts there. */
  daysAhead: number;
  hour: number;
  minute: number;
  products: string[];
}

export const DEMO_LIVES: DemoLive[] = [
  {
    producer: "che-suoi-giang",
    title: "Chè Shan Tuyết cổ thụ Suối Giàng — pha trà cùng HTX, giá riêng buổi live",
    daysAhead: 1,
    hour: 19,
    minute: 30,
    products: ["che-shan-tuyet-suoi-giang", "hong-tra-suoi-giang"],
  },
  {
    producer: "mam-phu-quoc",
    title: "Nước mắm Hàm Ninh: từ thùng gỗ đến bàn ăn",
    daysAhead: 2,
    hour: 20,
    minute: 0,
    products: ["nuoc-mam-phu-quoc-40", "hop-qua-nuoc-mam-phu-quoc"],
  },
];

/** The start of a demo live as an ISO instant with +07:00: `daysAhead` days after `now`'s Vietnamese day. */
export function demoLiveStart(live: Pick<DemoLive, "daysAhead" | "hour" | "minute">, now = new Date()): string {
  const vietnamToday = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const day = new Date(Date.parse(`${vietnamToday}T00:00:00Z`) + live.daysAhead * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${day}T${two(live.hour)}:${two(live.minute)}:00+07:00`;
}
