import type { SSTConfig } from "sst";
import { Api } from "./stacks/Api";
import { Database } from "./stacks/Database";
import { Jobs } from "./stacks/Jobs";
import { Storage } from "./stacks/Storage";
import { Web } from "./stacks/Web";

export default {
  config() {
    return { name: "cho-ocop", region: "ap-southeast-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({ runtime: "nodejs22.x", architecture: "arm_64" });
    app.stack(Database).stack(Storage).stack(Api).stack(Web).stack(Jobs);
  },
} satisfies SSTConfig;
