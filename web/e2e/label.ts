import { expect, type Page } from "@playwright/test";

/** A drink or food label with every field the law asks of it, as a seller copies it from the packaging. */
export const FOOD_LABEL = {
  ingredients: "Hoa ban sấy lạnh 30%, búp chè Shan tuyết 70%",
  netContent: "100 g",
  dates: "In trên đáy hộp, theo lô",
  shelfLife: "18 tháng kể từ ngày sản xuất",
  storage: "Nơi khô ráo, thoáng mát, tránh ánh nắng",
  foodSafetyCertificate: "27/2025/ATTP-CNĐK",
};

/** The seller's product form asks the label by the group chosen: a handicraft its material, a food or drink six things. */
export async function fillFoodLabel(page: Page) {
  const fields = page.getByTestId("label-fields");
  await expect(fields).toHaveRole("group");
  await expect(fields).toHaveAccessibleName("Thông tin trên nhãn");
  await fields.getByLabel("Thành phần").fill(FOOD_LABEL.ingredients);
  await fields.getByLabel("Định lượng").fill(FOOD_LABEL.netContent);
  await fields.getByLabel("Ngày sản xuất").fill(FOOD_LABEL.dates);
  await fields.getByLabel("Hạn sử dụng").fill(FOOD_LABEL.shelfLife);
  await fields.getByLabel("Bảo quản").fill(FOOD_LABEL.storage);
  await fields.getByLabel("Giấy chứng nhận ATTP").fill(FOOD_LABEL.foodSafetyCertificate);
}
