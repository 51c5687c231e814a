import { ward } from "../geo/ward";
import { DomainError } from "../util/error";
import type { Account } from "./index";

/** Who is acting: nobody signed in, or a user with their role. Every authorization decision reads this. */
export type Actor = { kind: "anonymous" } | { kind: "user"; user: Account.User } | { kind: "system" };

export const ANONYMOUS: Actor = { kind: "anonymous" };
/** Seeds, scheduled jobs and admin commands: never built from a request. */
export const SYSTEM: Actor = { kind: "system" };

const unauthenticated = () =>
  new DomainError(401, "unauthenticated", {
    vi: "Bạn cần đăng nhập để làm việc này.",
    en: "Sign in to do this.",
  });

const forbidden = (vi: string, en: string) => new DomainError(403, "forbidden", { vi, en });

export function requireUser(actor: Actor): Account.User {
  if (actor.kind === "system") throw new Error("requireUser: the system acts as nobody");
  if (actor.kind !== "user") throw unauthenticated();
  return actor.user;
}

/** A seller and the producer they belong to. */
export function requireSeller(actor: Actor): Account.User & { producerId: string } {
  const user = requireUser(actor);
  if (user.role !== "seller" || !user.producerId) {
    throw forbidden(
      "Chỉ người bán của một chủ thể OCOP mới làm được việc này.",
      "Only a producer's sellers can do this.",
    );
  }
  return user as Account.User & { producerId: string };
}

/** Only the producer's own sellers edit its products and profile. */
export function requireSellerOf(actor: Actor, producerId: string) {
  const seller = requireSeller(actor);
  if (seller.producerId !== producerId) {
    throw forbidden("Sản phẩm này thuộc chủ thể khác.", "This belongs to another producer.");
  }
  return seller;
}

export function requireStaff(actor: Actor): Account.User & { staffScope: string } {
  const user = requireUser(actor);
  if (user.role !== "staff" || !user.staffScope) {
    throw forbidden("Chỉ cán bộ chương trình OCOP mới làm được việc này.", "Only OCOP programme staff can do this.");
  }
  return user as Account.User & { staffScope: string };
}

/**
 * Province staff curate their province's 3★ and 4★ listings; central staff all provinces and 5★
 * (the levels that certify them since Decision 1489/QĐ-TTg).
 */
export function staffMayActOn(staff: { staffScope: string }, target: { provinceCode: string; stars?: number }) {
  if (staff.staffScope === "central") return true;
  return staff.staffScope === target.provinceCode && (target.stars ?? 0) <= 4;
}

export function requireStaffFor(actor: Actor, target: { provinceCode: string; stars?: number }) {
  if (actor.kind === "system") return { staffScope: "central" };
  const staff = requireStaff(actor);
  if (!staffMayActOn(staff, target)) {
    throw forbidden(
      "Việc này thuộc thẩm quyền của tỉnh khác hoặc cấp trung ương.",
      "This is for another province's staff or for central staff.",
    );
  }
  return staff;
}

/**
 * The staff scope of work drawn from producers of these provinces (an order's parcels): that province's when they
 * all share one, else central's.
 */
export function scopeOver(provinceCodes: Iterable<string>): string {
  const provinces = new Set(provinceCodes);
  return provinces.size === 1 ? ([...provinces][0] ?? "central") : "central";
}

/** Province staff act on an order only when every parcel is from a producer of their province; central staff on any. */
export function requireStaffOver(actor: Actor, provinceCodes: Iterable<string>) {
  if (actor.kind === "system") return { staffScope: "central" };
  const staff = requireStaff(actor);
  const scope = scopeOver(provinceCodes);
  if (staff.staffScope !== "central" && staff.staffScope !== scope) {
    throw forbidden(
      "Đơn này có hàng của chủ thể tỉnh khác: cán bộ tỉnh đó hoặc cấp trung ương xử lý.",
      "This order holds another province's producers: their staff or central staff handle it.",
    );
  }
  return staff;
}

/**
 * Commune staff (the commune or ward's People's Committee) pre-check the dossiers of their commune's producers: the
 * product's and raw material's origin, local labour (Decision 1489/QĐ-TTg). They are not programme staff:
 * `requireStaff` refuses them.
 */
export function requireCommuneStaff(actor: Actor): Account.User & { wardCode: string; provinceCode: string } {
  const user = requireUser(actor);
  const commune = user.role === "commune" && user.staffScope ? ward(user.staffScope) : undefined;
  if (!commune) {
    throw forbidden("Chỉ cán bộ UBND xã, phường mới làm được việc này.", "Only commune or ward staff can do this.");
  }
  return { ...user, wardCode: commune.code, provinceCode: commune.provinceCode };
}

export function requireCommuneStaffFor(actor: Actor, target: { wardCode: string }) {
  const staff = requireCommuneStaff(actor);
  if (staff.wardCode !== target.wardCode) {
    throw forbidden("Hồ sơ này thuộc xã, phường khác.", "This belongs to another commune or ward.");
  }
  return staff;
}
