// node:zlib for the page: the one call the workbook limits make (src/ingest/xlsx-limits.ts),
// inflateRawSync with a cap on the output, done by pako (the inflater the workbook
// libraries use in a browser). Over the cap it fails as Node does, with ERR_BUFFER_TOO_LARGE.
import { Inflate } from 'pako';
import { Buffer } from 'buffer';

export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer {
  const max = options.maxOutputLength ?? Infinity;
  const inflate = new Inflate({ raw: true });
  const parts: Uint8Array[] = [];
  let size = 0;
  let over = false;
  inflate.onData = (chunk: Uint8Array) => {
    if (over) return;
    size += chunk.length;
    if (size > max) over = true;
    else parts.push(chunk);
  };
  inflate.push(data, true);
  if (over) throw Object.assign(new RangeError('Cannot create a Buffer larger than the maximum output length'), { code: 'ERR_BUFFER_TOO_LARGE' });
  // pako sets err (a zlib status below 0) on bad data, and leaves the stream not ended when it stops short.
  if (inflate.err || !inflate.ended) throw Object.assign(new Error(inflate.msg || 'invalid deflate data'), { code: 'Z_DATA_ERROR' });
  return Buffer.concat(parts);
}
