/**
 * SM3 cryptographic hash (GB/T 32905-2016) in plain TypeScript, so that seeded draws replay
 * identically in the browser and on the server without node:crypto.
 */
const IV = [
  0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
];
const T_LOW = 0x79cc4519;
const T_HIGH = 0x7a879d8a;

const rotl = (x: number, n: number): number =>
  ((x << (n & 31)) | (x >>> ((32 - (n & 31)) & 31))) >>> 0;
const p0 = (x: number): number => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number): number => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

const textEncoder = new TextEncoder();

/** SM3 digest of bytes (32 bytes). */
export function sm3(message: Uint8Array): Uint8Array {
  const padded = padMessage(message);
  const state = hashPadded(new DataView(padded.buffer), padded.length);
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, state[i]!);
  return out;
}

/**
 * Hasher for SM3(prefix ‖ counter as 8-byte big-endian), the block function of the counter-mode
 * generator; the padded buffer is built once and only the counter bytes change between calls.
 */
export function createSm3CounterHasher(
  prefix: Uint8Array,
): (counter: number, out: Uint32Array) => void {
  const message = new Uint8Array(prefix.length + 8);
  message.set(prefix);
  const padded = padMessage(message);
  const view = new DataView(padded.buffer);
  return (counter, out) => {
    view.setUint32(prefix.length, Math.floor(counter / 0x100000000));
    view.setUint32(prefix.length + 4, counter >>> 0);
    const state = hashPadded(view, padded.length);
    for (let i = 0; i < 8; i++) out[i] = state[i]!;
  };
}

// Padding: 0x80, zeros to 56 mod 64, then the 64-bit big-endian bit length.
function padMessage(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array(Math.ceil((message.length + 9) / 64) * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  return padded;
}

const scratchW = new Uint32Array(68);
const scratchW1 = new Uint32Array(64);

function hashPadded(view: DataView, length: number): number[] {
  const state = IV.slice();
  for (let offset = 0; offset < length; offset += 64)
    compress(state, view, offset, scratchW, scratchW1);
  return state;
}

/** SM3 of a UTF-8 string, as 64 lowercase hex characters. */
export function sm3Hex(message: string | Uint8Array): string {
  const bytes = typeof message === 'string' ? textEncoder.encode(message) : message;
  return toHex(sm3(bytes));
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

function compress(
  state: number[],
  view: DataView,
  offset: number,
  w: Uint32Array,
  w1: Uint32Array,
): void {
  for (let j = 0; j < 16; j++) w[j] = view.getUint32(offset + j * 4);
  for (let j = 16; j < 68; j++) {
    w[j] =
      (p1(w[j - 16]! ^ w[j - 9]! ^ rotl(w[j - 3]!, 15)) ^ rotl(w[j - 13]!, 7) ^ w[j - 6]!) >>> 0;
  }
  for (let j = 0; j < 64; j++) w1[j] = (w[j]! ^ w[j + 4]!) >>> 0;
  let [a, b, c, d, e, f, g, h] = state as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  for (let j = 0; j < 64; j++) {
    const t = j < 16 ? T_LOW : T_HIGH;
    const ss1 = rotl((rotl(a, 12) + e + rotl(t, j)) >>> 0, 7);
    const ss2 = (ss1 ^ rotl(a, 12)) >>> 0;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = ((ff >>> 0) + d + ss2 + w1[j]!) >>> 0;
    const tt2 = ((gg >>> 0) + h + ss1 + w[j]!) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  const next = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) state[i] = (state[i]! ^ next[i]!) >>> 0;
}
