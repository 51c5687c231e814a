// Until the last importer (pages/Home.tsx) moves to ../api/live.
export * from "../api/live";
