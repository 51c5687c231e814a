import { useSigningKey } from "@cho-ocop/core/account/secret";
import { useTable } from "@cho-ocop/core/db/client";
import { type CardGateway, StripeGateway, useCardGateway } from "@cho-ocop/core/payment/card";
import { VietQr } from "@cho-ocop/core/payment/vietqr";
import { Site } from "@cho-ocop/core/site/index";
import { LocalStorage, S3Storage, type Storage, useStorage } from "@cho-ocop/core/storage/index";
import { type Config, configFromEnv } from "./config";

export { type Config, configFromEnv } from "./config";

export interface Adapters {
  storage: Storage;
  cardGateway: CardGateway | null;
}

/**
 * The one place that chooses the adapters: the Lambda handlers, the jobs, the live-events handler, `pnpm start` and
 * the tests call it before they load the app. The entities read the table's name when their module is imported, so
 * the table comes first and what defines an entity (the outbox, the IVS adapters) is imported after it.
 */
export async function compose(config: Config = configFromEnv()): Promise<Adapters> {
  useTable(config.table);
  useSigningKey(config.signingKey);
  Site.configure(config.site);
  VietQr.useAccount(config.vietQr);

  const storage =
    config.storage.kind === "s3"
      ? new S3Storage(config.storage.bucket, config.storage.mediaUrl)
      : new LocalStorage(config.storage.dir, config.storage.mediaUrl);
  useStorage(storage);

  const { stripe } = config;
  const cardGateway = stripe
    ? new StripeGateway(stripe.secretKey, stripe.webhookSecret, stripe.publishableKey, stripe.apiUrl)
    : null;
  useCardGateway(cardGateway);

  const { awsMessenger, OutboxMessenger, useMessenger } = await import("@cho-ocop/core/message/index");
  useMessenger(config.messages.kind === "aws" ? awsMessenger(config.messages.mailFrom) : new OutboxMessenger());

  // Live video and chat on Amazon IVS, in the IVS region the stack names (stacks/Api.ts).
  if (config.ivs) {
    const [{ IvsConfig, IvsVideoProvider }, { IvsChatProvider }, { useVideoProvider }, { useChatProvider }] =
      await Promise.all([
        import("./live/ivs-video"),
        import("./live/ivs-chat"),
        import("@cho-ocop/core/live/provider"),
        import("@cho-ocop/core/live/chat"),
      ]);
    const ivs = IvsConfig.parse(config.ivs);
    useVideoProvider(new IvsVideoProvider(ivs));
    useChatProvider(new IvsChatProvider(ivs));
  }
  return { storage, cardGateway };
}
