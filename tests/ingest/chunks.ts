// A file's bytes as the CLI hands them to the reader (Io.readChunks): in chunks that reuse
// two buffers in turn, so that a reader holding a chunk past the next one without copying it
// sees other bytes.

/** The bytes in chunks of `chunk`, in two buffers used in turn. */
export function* reused(bytes: Uint8Array, chunk: number): Generator<Uint8Array> {
  const buffers = [new Uint8Array(chunk), new Uint8Array(chunk)];
  for (let i = 0, k = 0; i < bytes.length; i += chunk, k++) {
    const b = buffers[k % 2]!;
    const part = bytes.subarray(i, i + chunk);
    b.fill(0x21).set(part);
    yield b.subarray(0, part.length);
  }
}
