// Deterministic ids for imported records: SHA-1 of the natural key, and name-based UUIDs (RFC 4122 version 5)
// for the STIX ids of records that did not come from STIX. Pure code: the core may not reach node:crypto.

const encoder = new TextEncoder();

function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The message schedule, reused by every call (the hashing below never yields, so no call sees another's words). */
const w = new Int32Array(80);

/** SHA-1 (FIPS 180-4) of bytes; used only for identifiers, never for security. */
export function sha1Bytes(message: Uint8Array): Uint8Array {
  const n = message.length;
  const bitLength = n * 8;
  const padded = new Uint8Array(((n + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[n] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(offset + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = (w[i - 3] as number) ^ (w[i - 8] as number) ^ (w[i - 14] as number) ^ (w[i - 16] as number);
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc | 0 : 0xca62c1d6 | 0;
      const t = (((a << 5) | (a >>> 27)) + f + e + k + (w[i] as number)) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  ov.setInt32(0, h0);
  ov.setInt32(4, h1);
  ov.setInt32(8, h2);
  ov.setInt32(12, h3);
  ov.setInt32(16, h4);
  return out;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex = (bytes: Uint8Array) => {
  let s = '';
  for (const b of bytes) s += HEX[b] as string;
  return s;
};

export function sha1Hex(text: string): string {
  return hex(sha1Bytes(utf8(text)));
}

/**
 * The product's id of an imported record: a prefix and 12 hex digits of SHA-1 over the natural key. An edge may
 * pass the platform's SHA-1 (the same digest, faster than this file's) for imports of many records.
 */
export function recordId(prefix: 'inc' | 'act' | 'atr' | 'sgt' | 'rpt', naturalKey: string, sha1: (text: string) => string = sha1Hex): string {
  return `${prefix}-${sha1(naturalKey).slice(0, 12)}`;
}

/**
 * The namespace of the product's name-based STIX ids. RFC 4122 §4.3: a version 5 UUID is SHA-1 over the
 * namespace's bytes followed by the name, with the version and variant bits set.
 */
export const CYBERDIPLO_NAMESPACE = '6f1b2c5e-3d4a-5b8c-9e7f-0a1b2c3d4e5f';

export function uuidV5(name: string, namespace: string = CYBERDIPLO_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  const nsBytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) nsBytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  const nameBytes = utf8(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(nsBytes);
  input.set(nameBytes, 16);
  const h = sha1Bytes(input).slice(0, 16);
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const s = hex(h);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The STIX id the product gives to one of its own records: `<type>--<uuid5 of the record id>`. */
export function stixIdFor(type: string, productId: string): string {
  return `${type}--${uuidV5(productId)}`;
}
