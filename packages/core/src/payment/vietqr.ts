import { BanksObject, QRPay } from "vietnam-qr-pay";

/**
 * Bank transfer by VietQR (NAPAS on EMVCo): a dynamic payload naming the collecting account, the amount and the
 * order code as the transfer's purpose, which is how the payment is matched when staff or the producer confirm it.
 * Start-up names the account (VIETQR_BANK_BIN / VIETQR_ACCOUNT / VIETQR_ACCOUNT_NAME); what it leaves out is a demo account.
 */
export namespace VietQr {
  export interface Collecting {
    bankBin?: string;
    accountNumber?: string;
    accountName?: string;
  }

  let collecting: Collecting = {};

  export function useAccount(next: Collecting) {
    collecting = next;
  }

  export function account() {
    const bin = collecting.bankBin ?? BanksObject.vietcombank.bin;
    const bank = Object.values(BanksObject).find((b) => b.bin === bin);
    return {
      bankBin: bin,
      bankName: bank?.shortName ?? bank?.name ?? bin,
      accountNumber: collecting.accountNumber ?? "1234567890",
      accountName: collecting.accountName ?? "CHO OCOP (TAI KHOAN THU NGHIEM)",
    };
  }

  export function payload(input: { code: string; amountVnd: number }): string {
    const { bankBin, accountNumber } = account();
    return QRPay.initVietQR({
      bankBin,
      bankNumber: accountNumber,
      amount: String(input.amountVnd),
      purpose: input.code,
    }).build();
  }

  /** Reads a payload back (for tests and for support): bank, account, amount, purpose. */
  export function read(content: string) {
    const qr = new QRPay(content);
    return {
      valid: qr.isValid,
      bankBin: qr.consumer?.bankBin ?? "",
      accountNumber: qr.consumer?.bankNumber ?? "",
      amount: qr.amount ?? "",
      purpose: qr.additionalData?.purpose ?? "",
    };
  }

  /** For later: a bank's transfer notification, matched to an order by its code and amount. */
  export interface BankTransferNotifier {
    verify(
      rawBody: string,
      headers: Record<string, string>,
    ): Promise<{ purpose: string; amountVnd: number; reference: string }>;
  }
}
