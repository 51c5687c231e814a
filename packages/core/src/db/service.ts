/** The ElectroDB service name: the prefix of every key in the table. */
export const SERVICE = "ocop";
