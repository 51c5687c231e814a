/**
 * Opening the shopper's own bank app with the transfer filled in, through VietQR.io's bank-app deep links
 * (https://www.vietqr.io/deeplink): `https://dl.vietqr.io/pay?app=<appId>&ba=<account>@<bank code>&am=<amount>&tn=<content>`.
 * The link names the app that pays (the shopper's bank) and the account that is paid (ours); a phone without that
 * app lands on its store page. Pure data and one function, so the web app can import it without the QR library.
 */
export namespace VietQrBanks {
  /** A bank app the deep link service can open, by its appId, most installed first (VietQR.io's app list). */
  export interface BankApp {
    appId: string;
    /** The name shoppers know the app by. */
    name: string;
    /** The NAPAS BIN of the bank behind the app. */
    bin: string;
  }

  export const APPS: readonly BankApp[] = [
    { appId: "mb", name: "MB Bank", bin: "970422" },
    { appId: "vcb", name: "Vietcombank", bin: "970436" },
    { appId: "vba", name: "Agribank", bin: "970405" },
    { appId: "icb", name: "VietinBank iPay", bin: "970415" },
    { appId: "bidv", name: "BIDV SmartBanking", bin: "970418" },
    { appId: "tcb", name: "Techcombank", bin: "970407" },
    { appId: "vpb", name: "VPBank NEO", bin: "970432" },
    { appId: "cake", name: "Cake by VPBank", bin: "546034" },
    { appId: "ocb", name: "OCB OMNI", bin: "970448" },
    { appId: "tpb", name: "TPBank", bin: "970423" },
    { appId: "acb", name: "ACB ONE", bin: "970416" },
    { appId: "lpb", name: "LPBank", bin: "970449" },
    { appId: "timo", name: "Timo", bin: "963388" },
    { appId: "hdb", name: "HDBank", bin: "970437" },
    { appId: "vib", name: "MyVIB", bin: "970441" },
    { appId: "shb", name: "SHB Mobile", bin: "970443" },
    { appId: "seab", name: "SeAMobile", bin: "970440" },
    { appId: "shbvn", name: "Shinhan SOL", bin: "970424" },
    { appId: "scb", name: "SCB Mobile", bin: "970429" },
    { appId: "nab", name: "Nam A Bank", bin: "970428" },
    { appId: "abb", name: "AB Ditizen", bin: "970425" },
    { appId: "eib", name: "Eximbank", bin: "970431" },
    { appId: "pvcb", name: "PV Mobile Banking", bin: "970412" },
    { appId: "klb", name: "KienlongBank Plus", bin: "970452" },
    { appId: "bvb", name: "BAOVIET Smart", bin: "970438" },
    { appId: "ncb", name: "NCB iziMobile", bin: "970419" },
  ];

  /** How many apps a phone shows as buttons before "other banks". */
  export const FIRST = 6;

  /**
   * The bank code VietQR.io expects after the `@` of `ba` for the account being paid, by its BIN (lower case:
   * "vcb", "icb"…). Only the banks a collecting account is likely to be at; another BIN gets no deep links.
   */
  const CODES: Readonly<Record<string, string>> = {
    "970436": "vcb",
    "970415": "icb",
    "970418": "bidv",
    "970405": "vba",
    "970422": "mb",
    "970407": "tcb",
    "970416": "acb",
    "970432": "vpb",
    "970423": "tpb",
    "970403": "stb",
    "970437": "hdb",
    "970441": "vib",
    "970443": "shb",
    "970426": "msb",
    "970448": "ocb",
    "970431": "eib",
    "970449": "lpb",
    "970440": "seab",
  };

  export function bankCode(bin: string): string | undefined {
    return CODES[bin];
  }

  export interface Transfer {
    /** The collecting account: its BIN and number. */
    bankBin: string;
    accountNumber: string;
    accountName?: string;
    amountVnd: number;
    /** The transfer content the payment is matched by (the order code). */
    content: string;
    /** Where the bank app sends the shopper back after paying (the order's page). */
    returnUrl?: string;
  }

  /**
   * The link that opens `appId` with the transfer filled in, or undefined when our bank has no known code. As the
   * service documents: `@` in `ba` and the return `url` are written as they are; the rest is query-encoded.
   */
  export function deepLink(appId: string, transfer: Transfer): string | undefined {
    const code = bankCode(transfer.bankBin);
    if (!code || !Number.isSafeInteger(transfer.amountVnd) || transfer.amountVnd <= 0) return undefined;
    const query = new URLSearchParams({ app: appId, am: String(transfer.amountVnd), tn: transfer.content });
    if (transfer.accountName) query.set("bn", transfer.accountName);
    const account = `${encodeURIComponent(transfer.accountNumber)}@${code}`;
    const url = transfer.returnUrl;
    const back = url ? `&url=${/[&#\s]/.test(url) ? encodeURIComponent(url) : url}` : "";
    return `https://dl.vietqr.io/pay?${query.toString()}&ba=${account}${back}`;
  }

  /** Every app with its link for one transfer (none when our bank has no known code). */
  export function links(transfer: Transfer): Array<BankApp & { href: string }> {
    return APPS.flatMap((app) => {
      const href = deepLink(app.appId, transfer);
      return href ? [{ ...app, href }] : [];
    });
  }
}
