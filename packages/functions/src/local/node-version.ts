// Loaded before `pnpm start` imports anything else: the project runs on Node 22, as Lambda does (nodejs22.x).
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  console.error(
    `Chợ OCOP needs Node.js 22 or newer; this is Node ${process.versions.node}.\n` +
      "Get Node 22 with:  npm install -g node@22   (or nvm install 22), then run pnpm start again.",
  );
  process.exit(1);
}
