/** Tables pushed together for one party; beyond this the host books the room as a private event. */
export const MAX_MERGED_TABLES = 6;
