// node:buffer for the page: Buffer, and the two checks the decoder asks of Node
// (src/ingest/decode.ts), isUtf8 and isAscii, as the WHATWG decoder and a loop give them.
export { Buffer } from 'buffer';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether the bytes are well-formed UTF-8 (Node's isUtf8). */
export function isUtf8(bytes: ArrayBufferView | ArrayBuffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether every byte is below 0x80 (Node's isAscii). */
export function isAscii(input: ArrayBufferView | ArrayBuffer): boolean {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}
