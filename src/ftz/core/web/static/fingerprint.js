/*
 * Trade-secret fingerprinting in the browser.
 *
 * The owner's file is hashed locally: it is read slice by slice with the File API and never
 * uploaded, so only the two digests (SHA-256 and SM3) leave the machine. This script makes no
 * network requests and depends on nothing but the browser.
 *
 * SM3 (GB/T 32905-2016) is implemented here because WebCrypto does not offer it. SHA-256 uses
 * WebCrypto, which has no streaming digest, so the whole file has to be in memory for it; that is
 * why fingerprintFile refuses files above MAX_BROWSER_BYTES.
 *
 * Exposes window.FtzFingerprint = { sm3, Sm3, sha256Hex, fingerprintFile, fingerprintText }.
 */
(function () {
  "use strict";

  const SLICE_BYTES = 4 * 1024 * 1024;
  const MAX_BROWSER_BYTES = 512 * 1024 * 1024;

  const IV = [
    0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600,
    0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
  ];

  function rotl(x, n) {
    n &= 31;
    // x >>> 32 would be x >>> 0 in JS, so a zero rotation must not take the shift path.
    if (n === 0) return x >>> 0;
    return ((x << n) | (x >>> (32 - n))) >>> 0;
  }

  const p0 = (x) => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
  const p1 = (x) => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

  // T_j rotated left by (j mod 32), precomputed once; the constant switches at round 16.
  const T_ROT = new Uint32Array(64);
  for (let j = 0; j < 64; j++) T_ROT[j] = rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j);

  function toHex(words) {
    let out = "";
    for (const w of words) out += (w >>> 0).toString(16).padStart(8, "0");
    return out;
  }

  /** Streaming SM3: update() with chunks of any size, then digestHex() once. */
  class Sm3 {
    constructor() {
      this.v = new Uint32Array(IV);
      this.buffer = new Uint8Array(64); // a partial block waiting for more input
      this.bufferLength = 0;
      this.totalBytes = 0; // a Number: exact up to 2^53 bytes, far beyond any browser file
      this.w = new Uint32Array(68);
      this.w1 = new Uint32Array(64);
      this.result = null;
    }

    update(bytes) {
      if (this.result !== null) throw new Error("Sm3: update() after digestHex()");
      if (!(bytes instanceof Uint8Array)) throw new TypeError("Sm3.update expects a Uint8Array");
      let offset = 0;
      const length = bytes.length;
      this.totalBytes += length;
      if (this.bufferLength > 0) {
        const take = Math.min(64 - this.bufferLength, length);
        this.buffer.set(bytes.subarray(0, take), this.bufferLength);
        this.bufferLength += take;
        offset = take;
        if (this.bufferLength < 64) return this;
        this._compress(this.buffer, 0);
        this.bufferLength = 0;
      }
      // Whole blocks straight from the input, without copying them into the buffer.
      for (; offset + 64 <= length; offset += 64) this._compress(bytes, offset);
      if (offset < length) {
        this.buffer.set(bytes.subarray(offset), 0);
        this.bufferLength = length - offset;
      }
      return this;
    }

    digestHex() {
      if (this.result !== null) return this.result;
      // Padding: 0x80, zeros up to 56 mod 64, then the message length in bits (64-bit big-endian).
      const bits = this.totalBytes * 8;
      const padLength = this.bufferLength < 56 ? 64 - this.bufferLength : 128 - this.bufferLength;
      const pad = new Uint8Array(padLength);
      pad[0] = 0x80;
      const view = new DataView(pad.buffer);
      view.setUint32(padLength - 8, Math.floor(bits / 0x100000000) >>> 0, false);
      view.setUint32(padLength - 4, bits >>> 0, false);
      this.update(pad);
      this.result = toHex(this.v);
      return this.result;
    }

    // One 64-byte block of `bytes` starting at `offset`: message expansion then 64 rounds.
    _compress(bytes, offset) {
      const w = this.w;
      const w1 = this.w1;
      for (let j = 0; j < 16; j++) {
        const i = offset + 4 * j;
        w[j] = ((bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3]) >>> 0;
      }
      for (let j = 16; j < 68; j++) {
        w[j] = (p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6]) >>> 0;
      }
      for (let j = 0; j < 64; j++) w1[j] = (w[j] ^ w[j + 4]) >>> 0;

      const v = this.v;
      let a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
      for (let j = 0; j < 64; j++) {
        const a12 = rotl(a, 12);
        const ss1 = rotl((a12 + e + T_ROT[j]) >>> 0, 7);
        const ss2 = (ss1 ^ a12) >>> 0;
        // FF/GG are plain XOR for the first 16 rounds, majority / choice afterwards.
        const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
        const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
        const tt1 = ((ff >>> 0) + d + ss2 + w1[j]) >>> 0;
        const tt2 = ((gg >>> 0) + h + ss1 + w[j]) >>> 0;
        d = c;
        c = rotl(b, 9);
        b = a;
        a = tt1;
        h = g;
        g = rotl(f, 19);
        f = e;
        e = p0(tt2);
      }
      v[0] ^= a; v[1] ^= b; v[2] ^= c; v[3] ^= d;
      v[4] ^= e; v[5] ^= f; v[6] ^= g; v[7] ^= h;
    }
  }

  /** One-shot SM3 of a Uint8Array, as lowercase hex. */
  function sm3(bytes) {
    return new Sm3().update(bytes).digestHex();
  }

  /** SHA-256 via WebCrypto, as lowercase hex. */
  async function sha256Hex(bytes) {
    if (!globalThis.crypto || !crypto.subtle) {
      // crypto.subtle only exists in secure contexts (https or localhost).
      throw new Error("WebCrypto is unavailable: open this page over https or on localhost.");
    }
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    let out = "";
    for (const byte of digest) out += byte.toString(16).padStart(2, "0");
    return out;
  }

  /**
   * Fingerprints a File or Blob locally. onProgress(doneBytes, totalBytes) is called after each
   * 4 MiB slice (once with (0, 0) for an empty file).
   */
  async function fingerprintFile(file, onProgress) {
    const size = file.size;
    const name = typeof file.name === "string" ? file.name : "";
    if (size > MAX_BROWSER_BYTES) {
      throw new Error(
        `File is too large to fingerprint in the browser (${size} bytes; the limit is 512 MiB, ` +
          "because WebCrypto has no streaming SHA-256). Use the command line instead: " +
          "ftz trade-secrets register"
      );
    }
    // Slices are copied into one buffer as they stream through SM3, so SHA-256 can then run
    // over the whole file without reading it a second time.
    const whole = new Uint8Array(size);
    const hasher = new Sm3();
    let done = 0;
    while (done < size) {
      const end = Math.min(done + SLICE_BYTES, size);
      const chunk = new Uint8Array(await file.slice(done, end).arrayBuffer());
      if (chunk.length !== end - done) throw new Error("The file changed while it was being read.");
      hasher.update(chunk);
      whole.set(chunk, done);
      done = end;
      if (onProgress) onProgress(done, size);
    }
    if (size === 0 && onProgress) onProgress(0, 0);
    return { sha256: await sha256Hex(whole), sm3: hasher.digestHex(), size, name };
  }

  /** Fingerprints pasted text, hashed as its UTF-8 bytes. */
  async function fingerprintText(text) {
    const bytes = new TextEncoder().encode(String(text));
    return { sha256: await sha256Hex(bytes), sm3: sm3(bytes), size: bytes.length, name: "" };
  }

  window.FtzFingerprint = Object.freeze({ sm3, Sm3, sha256Hex, fingerprintFile, fingerprintText });
})();
