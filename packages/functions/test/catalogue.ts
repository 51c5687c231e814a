/** What a test lists on the storefront: a producer of Sơn La, a product and its OCOP certificate. */
export const SON_LA = "14";

/** A ward of Sơn La from the address database. */
export async function sonLaWard(): Promise<string> {
  const { wardsOf } = await import("@cho-ocop/core/geo/ward");
  return wardsOf(SON_LA)[0]?.code ?? "";
}

export function producerInput(wardCode: string, name = "HTX Thử Nghiệm Mộc Châu", provinceCode = SON_LA) {
  return {
    name,
    kind: "cooperative",
    provinceCode,
    wardCode,
    street: "Bản Áng",
    phone: "0912 345 678",
    taxCode: "5500123456",
    story: "Hợp tác xã thử nghiệm.",
  };
}

/** A drink's label with every field the law asks of it (core product/label.ts). */
export function labelInput() {
  return {
    ingredients: "Búp chè Shan tuyết 100%",
    netContent: "200 g",
    dates: "In trên đáy hộp, theo lô",
    shelfLife: "24 tháng kể từ ngày sản xuất",
    storage: "Nơi khô ráo, thoáng mát, tránh ánh nắng",
    foodSafetyCertificate: "45/2025/ATTP-CNĐK",
  };
}

export function productInput(name = "Chè Shan Tuyết thử nghiệm") {
  return {
    name,
    group: "do-uong",
    priceVnd: 150000,
    unit: "hộp 200g",
    weightGrams: 250,
    stock: 40,
    tags: ["đặc sản"],
    label: labelInput(),
  };
}

export function certificateInput(stars = 4) {
  return {
    stars,
    decisionNumber: stars === 5 ? "88/QĐ-BNNMT" : "1520/QĐ-UBND",
    decisionDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    issuer: stars === 5 ? "Bộ Nông nghiệp và Môi trường" : "UBND tỉnh Sơn La",
    level: stars === 5 ? "central" : "province",
    ...(stars === 4 ? { score: { a: 30, b: 18, c: 27 } } : {}),
  };
}
