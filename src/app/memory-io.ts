// The CLI's Io (src/cli/io.ts) over files held in memory: what the page's worker gives the
// CLI's own commands, so that the page runs exactly what `plancheck` runs. Everything
// lives under one root folder; standard output and error are collected; a file written is
// kept for the page to offer as a download. Nothing here touches the network.
import type { Io } from '../cli/io.js';
import { basename, dirname, resolve } from 'node:path';

/** A piece of a large return, as the CLI reads one (src/cli/io.ts, CHUNK_BYTES). */
const CHUNK_BYTES = 4 * 1024 * 1024;

export interface MemoryIo extends Io {
  /** Every file, by absolute path. */
  files: Map<string, Uint8Array>;
  /** Folders made (the root, the plan's), by absolute path. */
  dirs: Set<string>;
  out: string[];
  err: string[];
  /** Files written by a command, by absolute path, in the order written. */
  written: string[];
}

export interface MemoryIoOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Told the bytes of a return read so far, piece by piece, for a progress bar (the CLI reads every return in pieces, other files whole). */
  onRead?: (path: string, done: number, size: number) => void;
}

const encoder = new TextEncoder();

export function memoryIo(options: MemoryIoOptions): MemoryIo {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>([options.cwd, '/']);
  const out: string[] = [];
  const err: string[] = [];
  const written: string[] = [];
  const read = (path: string): Uint8Array => {
    const bytes = files.get(resolve(path));
    if (bytes === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: dirs.has(resolve(path)) ? 'EISDIR' : 'ENOENT' });
    return bytes;
  };
  const write = (path: string, data: string | Uint8Array) => {
    const p = resolve(path);
    files.set(p, typeof data === 'string' ? encoder.encode(data) : data);
    written.push(p);
  };
  return {
    files,
    dirs,
    out,
    err,
    written,
    stdout: (s) => void out.push(s),
    stdoutBytes: () => {},
    stderr: (s) => void err.push(s),
    stdoutIsTTY: false,
    env: options.env ?? {},
    cwd: options.cwd,
    readFile: read,
    readChunks: (p) => {
      const bytes = read(p);
      return { size: bytes.length, chunks: chunksOf(p, bytes, options.onRead) };
    },
    readStdin: () => new Uint8Array(0),
    listDir: (p) => {
      const dir = resolve(p);
      const names = new Set<string>();
      for (const f of files.keys()) if (dirname(f) === dir) names.add(basename(f));
      for (const d of dirs) if (d !== dir && dirname(d) === dir) names.add(basename(d));
      return [...names];
    },
    isDir: (p) => dirs.has(resolve(p)),
    writeFileAtomic: write,
    writeFilePieces: (path, pieces) => write(path, [...pieces].join('')),
    realPath: (p) => resolve(p),
  };
}

function* chunksOf(path: string, bytes: Uint8Array, onRead: MemoryIoOptions['onRead']): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    const end = Math.min(bytes.length, at + CHUNK_BYTES);
    yield bytes.subarray(at, end);
    onRead?.(path, end, bytes.length);
  }
}
