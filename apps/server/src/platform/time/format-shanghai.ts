// Messages show Shanghai time whatever the server's time zone (moments are stored as UTC).
const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A moment as Shanghai wall-clock text for messages and SMS, e.g. 2026/03/01 09:00. */
export function formatShanghai(at: Date | string): string {
  return shanghai.format(typeof at === 'string' ? new Date(at) : at);
}
