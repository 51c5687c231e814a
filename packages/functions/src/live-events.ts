import { compose } from "./adapters/index";

await compose();
// Loaded once the adapters are chosen: the entities read the table's name when imported.
const [{ Live }, { onIvsEvent }, { reviewChatMessage }] = await Promise.all([
  import("@cho-ocop/core/live/index"),
  import("./adapters/live/ivs-video"),
  import("./adapters/live/ivs-chat"),
]);

/** EventBridge (stacks/Live.ts): IVS stream and recording state changes move the live sessions along. */
export const handler = (event: unknown) => onIvsEvent(event, { recordingsBucket: process.env.RECORDINGS_BUCKET });

/** IVS Chat's message review handler (IVS_CHAT_REVIEW_HANDLER_ARN): keeps each message for late joiners. */
export const chatReview = (event: unknown) =>
  reviewChatMessage(event, { record: Live.recordChat, isMuted: Live.isMuted });
