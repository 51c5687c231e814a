import { SYSTEM } from "@cho-ocop/core/account/actor";
import { Account } from "@cho-ocop/core/account/index";
import { Council } from "@cho-ocop/core/council/index";
import { Dossier } from "@cho-ocop/core/dossier/index";
import { Sheet } from "@cho-ocop/core/sheet/index";

/**
 * Sơn La's evaluation council: a chair and two members who score, and a secretary who is also the province's OCOP
 * officer (so the one who keeps the record issues the decision). Each has a phone of their own: a phone gets 5
 * sign-in codes an hour.
 */
export const DEMO_COUNCIL = {
  chair: { phone: "0900000141", name: "Lò Văn Thắng (Chủ tịch hội đồng)" },
  members: [
    { phone: "0900000142", name: "Cầm Thị Hoa (Sở Nông nghiệp và Môi trường)" },
    { phone: "0900000143", name: "Quàng Văn Minh (Sở Khoa học và Công nghệ)" },
  ],
  secretary: { phone: "0900000144", name: "Lường Thị Mai (Thư ký, cán bộ OCOP tỉnh Sơn La)" },
};

/** The dossier the council scores in the demo: a re-evaluation of a listed Mộc Châu tea, so its new certificate shows. */
export const DEMO_COUNCIL_DOSSIER = "01councilsonla0000000000a1";

export async function seedDemoCouncil(
  at: { producerId: string; wardCode: string; provinceCode: string; productId: string },
  today: string,
) {
  await Account.assign(
    { phone: DEMO_COUNCIL.secretary.phone },
    { role: "staff", staffScope: at.provinceCode, name: DEMO_COUNCIL.secretary.name },
  );
  const sheet = Sheet.forSubGroup("1.5.1");
  const self = Object.fromEntries(Sheet.criteria(sheet).map((c) => [c.id, c.options.at(-1)?.id ?? "a"]));
  const when = new Date(Date.now() - 10 * 86_400_000).toISOString();
  await Dossier.seed({
    dossierId: DEMO_COUNCIL_DOSSIER,
    producerId: at.producerId,
    wardCode: at.wardCode,
    provinceCode: at.provinceCode,
    state: "province_council",
    registration: {
      productId: at.productId,
      productName: "Chè Ô long Mộc Châu",
      group: "thuc-pham",
      subGroup: "1.5.1",
      sheetId: sheet.sheetId,
      representative: "Nguyễn Văn Thành",
      rawMaterialOrigin: "Đồi chè Ô long 20 ha của hợp tác xã tại phường Mộc Châu",
      workers: 30,
      localWorkers: 27,
    },
    businessPlan: { summary: "Đưa chè Ô long vào chuỗi siêu thị và xuất khẩu sang Đài Loan" },
    selfAssessment: self,
    evidence: [],
    history: [
      { from: "draft", to: "commune_check", at: when, by: "demo", party: "producer" },
      { from: "commune_check", to: "province_council", at: when, by: "demo", party: "commune", note: "Đã xác minh" },
    ],
    submittedAt: when,
    communeCheck: { at: when, by: "demo", note: "Đã xác minh vùng chè và lao động tại phường" },
  });
  const council = await Council.create(SYSTEM, {
    level: "province",
    provinceCode: at.provinceCode,
    name: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Sơn La năm 2026",
    chair: DEMO_COUNCIL.chair,
    secretary: DEMO_COUNCIL.secretary,
    members: DEMO_COUNCIL.members,
    advisors: [{ name: "Tổ tư vấn OCOP tỉnh", unit: "Văn phòng Điều phối nông thôn mới tỉnh Sơn La" }],
  });
  const sitting = await Council.schedule(SYSTEM, council.councilId, {
    date: today,
    place: "Hội trường Sở Nông nghiệp và Môi trường, TP Sơn La",
  });
  await Council.assignDossiers(SYSTEM, sitting.sittingId, { dossierIds: [DEMO_COUNCIL_DOSSIER] });
  await Council.assignScorers(SYSTEM, sitting.sittingId, {
    userIds: council.people.filter((p) => p.duty !== "secretary").map((p) => p.userId),
  });
  return { councilId: council.councilId, sittingId: sitting.sittingId };
}
