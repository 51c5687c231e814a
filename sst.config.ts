import type { SSTConfig } from "sst";
import { Api } from "./stacks/Api";
import { APP_REGION, ivsRegion } from "./stacks/config";
import { Database } from "./stacks/Database";
import { Jobs } from "./stacks/Jobs";
import { Live } from "./stacks/Live";
import { LiveMedia } from "./stacks/LiveMedia";
import { Storage } from "./stacks/Storage";
import { Web } from "./stacks/Web";

export default {
  config() {
    return { name: "cho-ocop", region: APP_REGION };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
    // SST 2 deploys an app to one region, and IVS is not offered in ap-southeast-1: live video's resources are deployed
    // on their own to the IVS region, first (`pnpm sst deploy --stage <stage> --region <IVS_REGION>`).
    if (app.region === ivsRegion()) {
      app.stack(LiveMedia);
      return;
    }
    if (app.region !== APP_REGION) {
      throw new Error(`cho-ocop deploys to ${APP_REGION}, and its live video to ${ivsRegion()} (IVS_REGION)`);
    }
    app.stack(Database).stack(Storage).stack(Live).stack(Api).stack(Web).stack(Jobs);
  },
} satisfies SSTConfig;
