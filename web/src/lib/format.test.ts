import { describe, expect, it } from "vitest";
import {
  daysBetween,
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatPercent,
  formatVnd,
  validity,
  vietnamDay,
} from "./format";

// Intl puts a no-break space before the currency sign; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("formatVnd", () => {
  it("writes integer đồng the Vietnamese way in Vietnamese", () => {
    expect(plain(formatVnd(450000, "vi"))).toBe("450.000 ₫");
    expect(plain(formatVnd(1250000, "vi"))).toBe("1.250.000 ₫");
    expect(plain(formatVnd(0, "vi"))).toBe("0 ₫");
  });

  it("writes them the English way in English: the sign first, commas between thousands", () => {
    expect(plain(formatVnd(10000, "en"))).toBe("₫10,000");
    expect(plain(formatVnd(1250000, "en"))).toBe("₫1,250,000");
  });

  it("matches Intl.NumberFormat vi-VN VND exactly", () => {
    const intl = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });
    for (const n of [1, 999, 65000, 8500000, 10_000_000_000]) expect(formatVnd(n, "vi")).toBe(intl.format(n));
  });

  it("follows the UI language when none is given", () => {
    expect(plain(formatVnd(10000))).toBe("10.000 ₫");
  });
});

describe("numbers in each language", () => {
  it("groups thousands with a dot in Vietnamese and a comma in English", () => {
    expect(formatCount(10000, "vi")).toBe("10.000");
    expect(formatCount(10000, "en")).toBe("10,000");
  });

  it("writes decimals and shares with a comma in Vietnamese and a point in English", () => {
    expect(formatPercent(0.008, "vi")).toBe("0,8%");
    expect(formatPercent(0.008, "en")).toBe("0.8%");
    expect(formatPercent(0.659, "en")).toBe("65.9%");
    expect(formatDecimal(1.25, 1, "vi")).toBe("1,3");
    expect(formatDecimal(1.5, 2, "en")).toBe("1.5");
  });
});

describe("formatDate", () => {
  it("shows a calendar day as dd/mm/yyyy", () => {
    expect(formatDate("2027-03-15")).toBe("15/03/2027");
  });

  it("shows an instant as the day it is in Vietnam, not in UTC", () => {
    // 18:30 UTC on 14 March is 01:30 on 15 March in Hà Nội (UTC+7).
    expect(formatDate("2027-03-14T18:30:00Z")).toBe("15/03/2027");
    expect(formatDate("2027-03-14T16:59:59Z")).toBe("14/03/2027");
  });

  it("leaves a value it cannot read as it is", () => {
    expect(formatDate("soon")).toBe("soon");
  });
});

describe("vietnamDay", () => {
  it("turns over at midnight in Vietnam", () => {
    expect(vietnamDay(new Date("2026-12-31T16:59:59Z"))).toBe("2026-12-31");
    expect(vietnamDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });
});

describe("validity", () => {
  it("counts whole days, across months and leap days", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2027-03-15", "2027-03-14")).toBe(-1);
  });

  it("is valid with the days left when far from the end", () => {
    expect(validity("2028-10-24", "2026-11-24")).toEqual({ state: "valid", daysLeft: 700 });
  });

  it("warns in the last 90 days and still counts the last day as valid", () => {
    expect(validity("2027-03-15", "2026-12-15")).toEqual({ state: "expiring", daysLeft: 90 });
    expect(validity("2027-03-15", "2027-03-15")).toEqual({ state: "expiring", daysLeft: 0 });
  });

  it("is expired from the day after validUntil", () => {
    expect(validity("2027-03-15", "2027-03-16")).toEqual({ state: "expired", daysLeft: -1 });
  });
});

describe("formatDateTime", () => {
  it("shows an instant at its time in Vietnam, 24-hour clock", () => {
    expect(formatDateTime("2027-03-14T18:30:00Z")).toBe("01:30 15/03/2027");
    expect(formatDateTime("2027-03-15T07:05:00Z")).toBe("14:05 15/03/2027");
  });

  it("leaves a value it cannot read as it is", () => {
    expect(formatDateTime("later")).toBe("later");
  });
});
