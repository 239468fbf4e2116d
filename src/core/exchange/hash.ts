// Deterministic ids for imported records: SHA-1 of the natural key, and name-based UUIDs (RFC 4122 version 5)
// for the STIX ids of records that did not come from STIX. Pure code: the core may not reach node:crypto.

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));

/** SHA-1 (FIPS 180-4) of bytes; used only for identifiers, never for security. */
export function sha1Bytes(message: Uint8Array): Uint8Array {
  const bitLength = message.length * 8;
  const padded = new Uint8Array(((message.length + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
      else if (i < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
      else if (i < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
      else [f, k] = [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + (w[i] ?? 0)) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = t;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => ov.setUint32(i * 4, h));
  return out;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

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
