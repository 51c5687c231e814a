import { SYSTEM } from "@cho-ocop/core/account/actor";
import { RegistryImport } from "@cho-ocop/core/register/import";
import { Registry } from "@cho-ocop/core/register/index";
import { addDays, addMonths } from "@cho-ocop/core/util/date";

/** Demo certificate numbers of the province lists imported into the register (not issued here). */
export const DEMO_REGISTRY = {
  valid: "GCN-14-2025-015",
  expiring: "GCN-14-2023-042",
  expired: "GCN-14-2022-007",
  revoked: "GCN-14-2024-031",
  central: "GCN-TW-2025-003",
} as const;

const vn = (iso: string) => iso.split("-").reverse().join("/");

/**
 * The phone the list gives for HTX Chè Tà Xùa: signing in with it claims the producer's record at once. The other
 * producers have none (or, Mộc Châu, another number), so their claims wait for Sơn La's staff.
 */
export const DEMO_LISTED_PHONE = "0900 000 171";

/**
 * A province's existing OCOP list, as the import reads it (the national columns and the optional phone), dated from
 * `today` so that the lookup shows each status: valid, expiring (under 90 days left), expired, revoked — and a 5★ of
 * the central level.
 */
export function demoRegistryCsv(today: string): string {
  const row = (
    name: string,
    producer: string,
    province: string,
    stars: number,
    number: string,
    issued: string,
    phone = "",
  ) => [name, producer, province, stars, number, vn(issued), vn(addDays(addMonths(issued, 36), 0)), phone].join(",");
  return [
    "Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Số giấy chứng nhận,Ngày cấp,Ngày hết hạn,Số điện thoại",
    row(
      "Chè Shan tuyết cổ thụ Tà Xùa",
      "HTX Chè Tà Xùa",
      "Sơn La",
      4,
      DEMO_REGISTRY.valid,
      addMonths(today, -6),
      DEMO_LISTED_PHONE,
    ),
    row(
      "Mận hậu sấy dẻo Mộc Châu",
      "HTX Nông nghiệp Mộc Châu",
      "Sơn La",
      3,
      DEMO_REGISTRY.expiring,
      addDays(addMonths(today, -36), 40),
      "0912 345 678",
    ),
    row("Măng khô Sốp Cộp", "Tổ hợp tác Măng rừng Sốp Cộp", "Sơn La", 3, DEMO_REGISTRY.expired, addMonths(today, -40)),
    row("Rượu táo mèo Bắc Yên", "Cơ sở rượu Bắc Yên", "Sơn La", 3, DEMO_REGISTRY.revoked, addMonths(today, -14)),
    row(
      "Cà phê Arabica Sơn La",
      "Công ty CP Cà phê Phúc Sinh Sơn La",
      "Sơn La",
      5,
      DEMO_REGISTRY.central,
      addMonths(today, -3),
    ),
  ].join("\r\n");
}

export async function seedDemoRegistry(today: string) {
  await RegistryImport.run(SYSTEM, { csv: demoRegistryCsv(today), commit: true });
  await Registry.revoke(SYSTEM, DEMO_REGISTRY.revoked, {
    reason: "Cơ sở không duy trì điều kiện bảo đảm an toàn thực phẩm sau kiểm tra.",
  });
}
