import { Producer } from "../producer";
import { notFound } from "../util/error";
import { ChannelEntity } from "./entities";
import { type Channel, videoProvider } from "./provider";

/** The producer's channel, created with the video provider on first use. */
export async function channelOf(producerId: string): Promise<Channel> {
  const { data } = await ChannelEntity.get({ producerId }).go({ consistent: true });
  if (data) return data;
  const producer = await Producer.get(producerId);
  const channel = await videoProvider().createChannel({ producerId, name: producer.name });
  await ChannelEntity.create({ ...channel, producerId, createdAt: new Date().toISOString() })
    .go()
    .catch(async () => undefined);
  const { data: stored } = await ChannelEntity.get({ producerId }).go({ consistent: true });
  return stored ?? channel;
}

export async function channelById(channelId: string): Promise<Channel & { producerId: string }> {
  const { data } = await ChannelEntity.query.byChannel({ channelId }).go();
  const channel = data[0];
  if (!channel) throw notFound({ vi: "kênh live", en: "Live channel" });
  return channel;
}
