import * as audience from "./audience";
import * as channel from "./channel";
import * as close from "./close";
import * as ingestion from "./ingest";
import * as moderation from "./moderation";
import * as notices from "./notice";
import * as pinning from "./pin";
import * as reporting from "./report";
import * as session from "./session";
import * as stream from "./stream";
import * as views from "./views";
import * as welcoming from "./welcome";

export { CHAT_HISTORY, CHAT_MAX_LENGTH } from "./chat";

/**
 * Live selling: a seller schedules a session with up to 50 featured products, goes live (the video provider's
 * stream events move it to live and ended), pins products and starts live-only deals in step with the video;
 * viewers watch, chat and buy without leaving the stream. One file per concern; this is the one name callers use.
 */
export namespace Live {
  // Session: scheduled, found, viewed, closed early.
  export const MAX_FEATURED = session.MAX_FEATURED;
  export const Id = session.Id;
  export const ScheduleInput = session.ScheduleInput;
  export const schedule = session.schedule;
  export const get = session.get;
  export const listPublic = session.listPublic;
  export const view = session.view;
  export const mine = session.mine;
  export const all = session.all;
  export const CloseInput = close.CloseInput;
  export const end = close.end;
  export const cancel = close.cancel;

  // The seller's channel and ingest.
  export const channelOf = channel.channelOf;
  export const ingest = ingestion.ingest;
  export const rotateStreamKey = ingestion.rotateStreamKey;

  export const pin = pinning.pin;
  export const setNotice = notices.setNotice;

  // Viewers' reports, read by staff (the law's complaints during a live).
  export const ReportInput = reporting.ReportInput;
  export const report = reporting.report;
  export const reports = reporting.reports;
  export const ReportView = reporting.ReportView;
  export type ReportView = reporting.ReportView;

  // Stream events from the video provider.
  export const onStreamEvent = stream.onStreamEvent;
  export const RECONNECT_GRACE_SECONDS = stream.RECONNECT_GRACE_SECONDS;
  export const endOffline = stream.endOffline;
  export const markAllOffline = stream.markAllOffline;
  export const onRecording = stream.onRecording;
  export const closeRooms = stream.closeRooms;

  // Audience: likes, viewers, the replay.
  export const like = audience.like;
  export const recordViewers = audience.recordViewers;
  export const viewers = audience.viewers;
  export const tellAudience = audience.tellAudience;
  export const replay = audience.replay;
  export const Welcome = views.Welcome;
  export type Welcome = views.Welcome;
  /** A page joining the room on IVS: the room now and its recent chat (what the local hub's hello says). */
  export const welcome = welcoming.welcome;

  // Chat and its moderation.
  export const joinChat = moderation.joinChat;
  export const chatAuthor = moderation.chatAuthor;
  export const ChatLine = views.ChatLine;
  export type ChatLine = views.ChatLine;
  export const recordChat = moderation.recordChat;
  export const recentChat = moderation.recentChat;
  export const deleteMessage = moderation.deleteMessage;
  export const mute = moderation.mute;
  export const isMuted = moderation.isMuted;

  // What live answers (the routes' response schemas, the web's types).
  export const SessionCard = views.SessionCard;
  export type SessionCard = views.SessionCard;
  export const OwnSessionCard = views.OwnSessionCard;
  export type OwnSessionCard = views.OwnSessionCard;
  export const SessionView = views.SessionView;
  export type SessionView = views.SessionView;
  export const DealView = views.DealView;
  export type DealView = views.DealView;
  export const Ingest = views.Ingest;
  export type Ingest = views.Ingest;
  export const Pinned = views.Pinned;
  export type Pinned = views.Pinned;
  export const Notice = views.Notice;
  export type Notice = views.Notice;
  export const Likes = views.Likes;
  export const Replay = views.Replay;
  export type Replay = views.Replay;
  export const ChatTicket = views.ChatTicket;
  export type ChatTicket = views.ChatTicket;
}
