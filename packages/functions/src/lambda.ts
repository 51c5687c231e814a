import { useChatProvider } from "@cho-ocop/core/live/chat";
import { IvsVideoProvider, ivsConfigFromEnv } from "@cho-ocop/core/live/ivs";
import { IvsChatProvider } from "@cho-ocop/core/live/ivs-chat";
import { useVideoProvider } from "@cho-ocop/core/live/provider";
import { handle } from "hono/aws-lambda";
import { app } from "./api/app";
import { loadSecrets } from "./lambda-config";

loadSecrets();

// Live video and chat on Amazon IVS, in the IVS region the stack names (stacks/Api.ts).
if (process.env.LIVE_PROVIDER === "ivs") {
  const ivs = ivsConfigFromEnv();
  useVideoProvider(new IvsVideoProvider(ivs));
  useChatProvider(new IvsChatProvider(ivs));
}

export const handler = handle(app);
