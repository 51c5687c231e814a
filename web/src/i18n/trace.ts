import { register } from "./translate";

/** Strings of the public trace page (opened from a QR code): loaded with that page only. */
export const vi = {
  "trace.eyebrow": "Truy xuất nguồn gốc",
  "trace.pageTitle": "Truy xuất nguồn gốc · {name}",
  "trace.valid": "Giấy chứng nhận OCOP còn hiệu lực",
  "trace.expired": "Giấy chứng nhận OCOP đã hết hiệu lực",
  "trace.onSale": "Đang bán trên Chợ OCOP.",
  "trace.viewProduct": "Xem sản phẩm",
  "trace.notOnSale": "Sản phẩm hiện không bày bán trên Chợ OCOP.",
  "trace.suspended": "Sản phẩm đang tạm ngừng bán theo quyết định của cán bộ OCOP.",
  "trace.origin": "Nguồn gốc",
  "trace.batches": "Lô sản xuất",
  "trace.noBatches": "Chủ thể chưa ghi lô sản xuất nào.",
  "trace.made": "Sản xuất",
  "trace.bestBefore": "· Hạn dùng",
  "trace.quantity": "{n} sản phẩm",
  "trace.qr": "Mã QR của trang này",
  "trace.qrAlt": "Mã QR mở trang truy xuất của {name}",
  "trace.qrNote": "Mã in trên tem sản phẩm mở đúng trang này.",
  "trace.notFound": "Không có thông tin truy xuất",
  "trace.notFoundText": "Mã QR này không khớp sản phẩm OCOP nào đã được duyệt trên Chợ OCOP.",
} as const;

export type TraceKey = keyof typeof vi;

export const en: Partial<Record<TraceKey | `${TraceKey}_one`, string>> = {
  "trace.eyebrow": "Trace its origin",
  "trace.pageTitle": "Origin of {name}",
  "trace.valid": "OCOP certificate valid",
  "trace.expired": "OCOP certificate expired",
  "trace.onSale": "On sale on Chợ OCOP.",
  "trace.viewProduct": "See the product",
  "trace.notOnSale": "This product is not on sale on Chợ OCOP right now.",
  "trace.suspended": "OCOP staff have suspended sales of this product.",
  "trace.origin": "Origin",
  "trace.batches": "Production batches",
  "trace.noBatches": "The producer has not recorded any batch.",
  "trace.made": "Made",
  "trace.bestBefore": "· Best before",
  "trace.quantity": "{n} items",
  "trace.qr": "This page's QR code",
  "trace.qrAlt": "QR code opening the trace page of {name}",
  "trace.qrNote": "The code printed on the product's label opens this page.",
  "trace.notFound": "No trace information",
  "trace.notFoundText": "This QR code does not match any approved OCOP product on Chợ OCOP.",
};

register({ vi, en });
