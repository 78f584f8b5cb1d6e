// Asia/Shanghai calendar arithmetic shared by every module (no DST since 1991: a fixed offset).
export { shanghaiDay } from './shanghai-day';
export { formatShanghai } from './format-shanghai';
export { systemClock, clockOf, type Clock } from './clock';
