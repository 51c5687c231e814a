import { handicraft } from "./handicraft";
import { riceCereal } from "./rice-cereal";
import { tea } from "./tea";

/** Every sheet file; a new version is a new file, and older versions stay for the dossiers scored on them. */
export const SHEET_FILES: unknown[] = [riceCereal, tea, handicraft];
