import type { GroupId } from "../group";

/**
 * The safety notice a seller shows over the stream (E-commerce Law 2025: the platform gives streamers a tool to
 * show safety warnings), with the presets the desk offers by the featured products' groups. Browser-safe.
 */

/** Characters of a notice: one or two lines over a phone's video. */
export const NOTICE_MAX_LENGTH = 80;

export const NOTICE_PRESETS: { group: GroupId; text: string }[] = [
  { group: "duoc-lieu", text: "Sản phẩm không phải là thuốc, không có tác dụng thay thế thuốc chữa bệnh." },
  { group: "duoc-lieu", text: "Phụ nữ có thai, cho con bú: hỏi ý kiến thầy thuốc trước khi dùng." },
  { group: "thuc-pham", text: "Thực phẩm này không phải là thuốc, không có tác dụng thay thế thuốc chữa bệnh." },
  { group: "do-uong", text: "Đồ uống có cồn: không bán cho người dưới 18 tuổi. Uống rượu bia, không lái xe." },
  { group: "thu-cong-my-nghe", text: "Hàng làm thủ công: màu sắc, hoa văn có thể khác đôi chút so với hình." },
];

/** The presets for a live featuring products of these groups, those of its groups first. */
export function noticePresets(groups: readonly GroupId[]): string[] {
  const mine = NOTICE_PRESETS.filter((p) => groups.includes(p.group));
  const others = NOTICE_PRESETS.filter((p) => !groups.includes(p.group));
  return [...mine, ...others].map((p) => p.text);
}

/** A notice as it may be shown: trimmed, whitespace folded, at most 80 characters; null when nothing is left. */
export function noticeText(raw: string): string | null {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!text) return null;
  return [...text].length <= NOTICE_MAX_LENGTH ? text : null;
}

/** The notice on screen at `ms` into a replay: the last one set at or before it (none once cleared). */
export function noticeAt(timeline: readonly { atMs: number; text: string | null }[], ms: number): string | null {
  let shown: string | null = null;
  for (const n of [...timeline].sort((a, b) => a.atMs - b.atMs)) {
    if (n.atMs > ms) break;
    shown = n.text;
  }
  return shown;
}
