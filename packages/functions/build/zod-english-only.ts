import { dirname, join } from "node:path";
import type { Plugin } from "esbuild";

/**
 * zod 4 bundles error messages in ~40 languages (≈260 KB minified) through `zod/v4/locales/index.js`;
 * the API writes its own Vietnamese and English messages and only uses zod's default English ones.
 * This esbuild plugin resolves that index to English alone, for the Lambda bundle.
 */
export const zodEnglishOnly: Plugin = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => {
      if (!/[/\\]zod[/\\]v4[/\\](classic|core)$/.test(args.resolveDir)) return undefined;
      return { path: join(dirname(args.resolveDir), "locales", "index.js"), namespace: "zod-english-only" };
    });
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), "en.js"))};`,
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};
