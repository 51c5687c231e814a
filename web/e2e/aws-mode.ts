import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "@playwright/test";

/** The AWS-shaped mode's data folder for the browser tests (its server writes under `aws-local/` in it). */
export const AWS_DATA_DIR = process.env.E2E_AWS_DATA_DIR ?? join(tmpdir(), "cho-ocop-e2e-aws");
export const AWS_PROJECT = "live-aws";

/** Whether the running test drives the AWS-shaped mode (playwright.aws.config.ts). */
export const inAwsMode = () => test.info().project.name === AWS_PROJECT;

/** Where that mode's fakes listen, as its server wrote them (packages/functions/src/local/aws, AWS_LOCAL_FILE). */
export function awsEndpoints(): { s3: string; snsSes: string; ivs: string } {
  return JSON.parse(readFileSync(join(AWS_DATA_DIR, "aws-local", "aws-local.json"), "utf8"));
}

/** The text messages SNS delivered, as the phones received them (the fake's inspection page, newest last). */
export async function smsFromFakeSns(): Promise<Array<{ to: string; sentAt: string; text: string }>> {
  const res = await fetch(new URL("/_fake/sms", awsEndpoints().snsSes));
  const sms = (await res.json()) as Array<{ phoneNumber: string; message: string; sentAt: string }>;
  return sms.map((m) => ({ to: m.phoneNumber, sentAt: m.sentAt, text: m.message })).reverse();
}
