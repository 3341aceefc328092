/**
 * Compact encodings of the lexicon asset: unsigned LEB128 varints and base64,
 * so the asset is plain JSON that both Node and the browser bundle can import.
 */

export function encodeVarints(values: Iterable<number>): Uint8Array {
  const out: number[] = [];
  for (let v of values) {
    if (v < 0 || !Number.isInteger(v)) throw new Error(`varint must be a non-negative integer: ${v}`);
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}

/** Reads varints one after another from `bytes`. */
export function createVarintReader(bytes: Uint8Array): { next(): number; done(): boolean } {
  let pos = 0;
  return {
    next() {
      let result = 0;
      let shift = 1;
      for (;;) {
        const b = bytes[pos++];
        if (b === undefined) throw new Error('varint stream ended early');
        result += (b & 0x7f) * shift;
        if (b < 0x80) return result;
        shift *= 128;
      }
    },
    done: () => pos >= bytes.length,
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

// Written by hand rather than with atob/Buffer so the same code runs in the
// extension's service worker, pages and Node without polyfills.
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    s += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    s += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    s += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return s;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64_INDEX[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}
