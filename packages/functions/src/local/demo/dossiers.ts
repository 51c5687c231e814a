import { Account } from "@cho-ocop/core/account/index";
import { Dossier } from "@cho-ocop/core/dossier/index";
import { Sheet } from "@cho-ocop/core/sheet/index";

/**
 * Demo commune staff (the People's Committee of the ward of a demo producer), who pre-check OCOP dossiers: Mộc Châu's
 * for the demo dossiers below, Tân Cương's, whose producer files a dossier in the dossier story (e2e), and Mỹ
 * Xuyên's, in the evaluation cycle's story.
 */
export const DEMO_COMMUNE_STAFF = [
  { phone: "0900000114", ward: "03980", name: "Cán bộ UBND phường Mộc Châu" },
  { phone: "0900000119", ward: "05503", name: "Cán bộ UBND xã Tân Cương" },
  { phone: "0900000150", ward: "31684", name: "Cán bộ UBND phường Mỹ Xuyên" },
];

/** Dossiers of the Sơn La demo producer at each step, from a draft to a decision (the councils' own demo is council/'s). */
const STEPS = [
  { key: "nhap", state: "draft", product: "Chè Shan tuyết Mộc Châu túi lọc", daysAgo: 1, complete: false },
  { key: "xa", state: "commune_check", product: "Chè Ô long Mộc Châu", daysAgo: 4, complete: true },
  { key: "tra-lai", state: "returned", product: "Chè xanh Mộc Châu", daysAgo: 9, complete: true },
  { key: "tinh-1", state: "province_council", product: "Chè Shan tuyết cổ thụ Mộc Châu", daysAgo: 15, complete: true },
  { key: "tinh-2", state: "province_council", product: "Hồng trà Mộc Châu", daysAgo: 20, complete: true },
  {
    key: "trung-uong",
    state: "central_council",
    product: "Chè Shan tuyết cổ thụ trăm năm",
    daysAgo: 40,
    complete: true,
  },
  { key: "da-quyet", state: "decided", product: "Chè Shan tuyết Mộc Châu hộp quà", daysAgo: 60, complete: true },
] as const;

/** What the province council decided for the decided demo dossier (its number is not in the register: a demo). */
const DEMO_OUTCOME = { stars: 4, total: 81.7, decisionNumber: "2145/QĐ-UBND" };

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
/** A stable id from a key, so re-seeding writes the same dossiers. */
function demoDossierId(key: string) {
  let id = "";
  for (let i = 0; i < 26; i++) id += CROCKFORD[(key.charCodeAt(i % key.length) * (i + 7)) % 32];
  return `0${id.slice(1)}`;
}

export async function seedDemoDossiers(producerId: string, wardCode: string, provinceCode: string) {
  for (const staff of DEMO_COMMUNE_STAFF) {
    await Account.assign({ phone: staff.phone }, { role: "commune", staffScope: staff.ward, name: staff.name });
  }
  const sheet = Sheet.forSubGroup("1.5.1");
  const criteria = Sheet.criteria(sheet);
  for (const step of STEPS) {
    const at = new Date(Date.now() - step.daysAgo * 86_400_000);
    const iso = (days: number) => new Date(at.getTime() + days * 86_400_000).toISOString();
    const dossierId = demoDossierId(`dossier-${step.key}`);
    // A good tea on most criteria, the middle option on every fourth.
    const answers = Object.fromEntries(
      criteria
        .slice(0, step.complete ? criteria.length : 5)
        .map((c, i) => [c.id, (i % 4 === 3 ? c.options[1] : c.options.at(-1))?.id ?? "a"]),
    );
    const submitted = step.state !== "draft";
    const history = submitted
      ? [{ from: "draft", to: "commune_check", at: iso(1), by: "demo", party: "producer" }]
      : [];
    if (step.state === "returned") {
      history.push({
        from: "commune_check",
        to: "returned",
        at: iso(2),
        by: "demo",
        party: "commune",
        reasons: ["Thiếu hợp đồng thu mua chè búp tươi với các hộ trong phường", "Ảnh nhãn bị mờ, chụp lại giúp"],
      } as (typeof history)[number]);
    }
    const pastCommune =
      step.state === "province_council" || step.state === "central_council" || step.state === "decided";
    if (pastCommune) {
      history.push({
        from: "commune_check",
        to: "province_council",
        at: iso(2),
        by: "demo",
        party: "commune",
        note: "Đã xác minh vùng chè và lao động tại phường",
      } as (typeof history)[number]);
    }
    if (step.state === "central_council") {
      history.push({
        from: "province_council",
        to: "central_council",
        at: iso(12),
        by: "demo",
        party: "province",
        note: "Hội đồng tỉnh chấm 92,3 điểm, đạt các tiêu chí bắt buộc 5 sao: chuyển hội đồng trung ương",
      } as (typeof history)[number]);
    }
    if (step.state === "decided") {
      history.push({
        from: "province_council",
        to: "decided",
        at: iso(14),
        by: "demo",
        party: "province",
      } as (typeof history)[number]);
    }
    await Dossier.seed({
      dossierId,
      producerId,
      wardCode,
      provinceCode,
      state: step.state,
      registration: {
        productName: step.product,
        group: "thuc-pham",
        subGroup: "1.5.1",
        sheetId: sheet.sheetId,
        representative: "Nguyễn Văn Thành",
        phone: "0975000105",
        ...(step.complete
          ? { rawMaterialOrigin: "Vùng chè 35 ha của 60 hộ tại phường Mộc Châu", workers: 28, localWorkers: 25 }
          : {}),
      },
      businessPlan: step.complete
        ? { summary: "Mở rộng vùng chè hữu cơ, bán qua siêu thị và sàn thương mại điện tử" }
        : {},
      selfAssessment: answers,
      evidence: [],
      history,
      ...(submitted ? { submittedAt: iso(1) } : {}),
      ...(pastCommune
        ? { communeCheck: { at: iso(2), by: "demo", note: "Đã xác minh vùng chè và lao động tại phường" } }
        : {}),
      ...(step.state === "decided" ? { outcome: { ...DEMO_OUTCOME, decisionDate: iso(14).slice(0, 10) } } : {}),
      createdAt: at.toISOString(),
    });
  }
  return STEPS.length;
}
