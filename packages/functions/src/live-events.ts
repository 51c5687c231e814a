import { onIvsEvent } from "@cho-ocop/core/live/ivs";

/** EventBridge (stacks/Live.ts): IVS stream and recording state changes move the live sessions along. */
export const handler = (event: unknown) => onIvsEvent(event, { recordingsBucket: process.env.RECORDINGS_BUCKET });
