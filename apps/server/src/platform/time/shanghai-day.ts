/** China has used UTC+8 all year since 1991, so the Shanghai calendar day is a fixed offset. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of a moment, as YYYY-MM-DD (REG-06 counts per this day). */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
