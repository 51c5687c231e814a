import { z } from "zod";
import { VnMobile } from "../util/phone";

/**
 * Who signs in: a Vietnamese mobile number or an e-mail address, normalised to one string
 * (`phone:0912345678`, `email:lan@example.vn`) that keys codes, rate limits and logins.
 */
export const LoginInput = z.union([
  z.object({ phone: VnMobile }).strict(),
  z.object({ email: z.email("expected an e-mail address such as lan@example.vn").max(200) }).strict(),
]);
export type LoginInput = z.input<typeof LoginInput>;

export interface Identity {
  key: string;
  channel: "sms" | "email";
  /** Where messages go: E.164 for SMS, the address for e-mail. */
  address: string;
  /** For showing back to the person without revealing the whole number or address. */
  masked: string;
}

export function identityOf(input: z.output<typeof LoginInput>): Identity {
  if ("phone" in input) {
    const local = input.phone;
    return {
      key: `phone:${local}`,
      channel: "sms",
      address: `+84${local.slice(1)}`,
      masked: `${local.slice(0, 4)}***${local.slice(-3)}`,
    };
  }
  const email = input.email.trim().toLowerCase();
  const [name = "", domain = ""] = email.split("@");
  return { key: `email:${email}`, channel: "email", address: email, masked: `${name.slice(0, 2)}***@${domain}` };
}
