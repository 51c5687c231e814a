/**
 * Who may call an endpoint, recorded on every route as the OpenAPI extension `x-roles`; the reference page
 * shows it and the authorization tests call every endpoint as each of these.
 */
export const ROLE_NAMES = {
  anonymous: "anyone, signed in or not",
  shopper: "a signed-in shopper",
  buyer: "the shopper who placed the order",
  invitee: "the person invited, signed in with the invited phone or e-mail",
  "council-member": "a council member assigned to score at the sitting (any account; membership is the council's)",
  "council-secretary": "the secretary of the sitting's council",
  seller: "a seller of the producer concerned",
  "staff-province": "province staff, for their province's 3★ and 4★",
  "staff-central": "central staff",
  "staff-commune": "commune or ward staff, for dossiers of their commune's producers",
} as const;
export type Role = keyof typeof ROLE_NAMES;

export const PUBLIC: Role[] = ["anonymous", "shopper", "seller", "staff-province", "staff-central", "staff-commune"];
export const SIGNED_IN: Role[] = ["shopper", "seller", "staff-province", "staff-central", "staff-commune"];
export const SHOPPER: Role[] = ["shopper"];
export const SELLER: Role[] = ["seller"];
export const STAFF: Role[] = ["staff-province", "staff-central"];
export const CENTRAL: Role[] = ["staff-central"];
export const COMMUNE: Role[] = ["staff-commune"];
export const BUYER_OR_STAFF: Role[] = ["buyer", "staff-province", "staff-central"];

export const roles = (allowed: Role[]) => ({ "x-roles": allowed });
