import { z } from "zod";
import { PROVINCE_CODES } from "../geo/province";
import { ward } from "../geo/ward";
import { VnMobile } from "../util/phone";

/** Where an order goes (and what a saved address holds): province + ward + street since the 2025 reform. */
export const DeliveryAddress = z
  .object({
    name: z.string().trim().min(2).max(80),
    phone: VnMobile,
    provinceCode: z.enum(PROVINCE_CODES),
    wardCode: z.string().regex(/^\d{5}$/, "expected a ward code"),
    street: z.string().trim().min(2).max(200),
    note: z.string().trim().max(300).optional(),
  })
  .superRefine((a, ctx) => {
    if (ward(a.wardCode)?.provinceCode !== a.provinceCode) {
      ctx.addIssue({ code: "custom", path: ["wardCode"], message: "this ward is not in the chosen province" });
    }
  });
export type DeliveryAddress = z.output<typeof DeliveryAddress>;

/** A delivery address as stored, the same view for orders, parcels and the address book. */
export const AddressView = z.object({
  name: z.string(),
  phone: z.string(),
  provinceCode: z.string(),
  wardCode: z.string(),
  street: z.string(),
  note: z.string().optional(),
});
export type AddressView = z.infer<typeof AddressView>;

export const addressView = (a: AddressView): AddressView => ({
  name: a.name,
  phone: a.phone,
  provinceCode: a.provinceCode,
  wardCode: a.wardCode,
  street: a.street,
  ...(a.note !== undefined ? { note: a.note } : {}),
});

/** The ElectroDB attributes of a stored delivery address. */
export const addressProperties = {
  name: { type: "string", required: true },
  phone: { type: "string", required: true },
  provinceCode: { type: "string", required: true },
  wardCode: { type: "string", required: true },
  street: { type: "string", required: true },
  note: { type: "string" },
} as const;

export const addressAttribute = { type: "map", required: true, properties: addressProperties } as const;
