// Everything the CLI touches outside itself, behind one interface so that tests
// can run the CLI in-process and the binary wires it to the real process.
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, basename, isAbsolute, join, relative, resolve } from 'node:path';
import { PlancheckError } from '../diagnostics.js';

export interface Io {
  stdout(text: string): void;
  /** The bytes of a binary format (a workbook written to a pipe); where absent, none is written to stdout. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  /** The terminal's width in columns, when standard output is one. */
  stdoutColumns?: number;
  env: Record<string, string | undefined>;
  cwd: string;
  readFile(path: string): Uint8Array;
  /**
   * A file in chunks, read as they are asked for; its size first. Optional: readFile serves
   * where absent. The chunks' memory is reused: a chunk stays as it is until the next but
   * one is asked for, and a reader that holds one longer keeps a copy.
   */
  readChunks?(path: string): { size: number; chunks: Iterable<Uint8Array> };
  readStdin(): Uint8Array;
  /**
   * Standard input in chunks, as readChunks gives a file (the same reuse of their memory), each
   * chunk full but the last. Optional: readStdin serves where absent.
   */
  readStdinChunks?(): Iterable<Uint8Array>;
  listDir(path: string): string[];
  isDir(path: string): boolean;
  /**
   * What a path is, links followed: a regular file (and its size), a folder, something else
   * (a FIFO, a device, a socket) or nothing (a dangling link). Optional: every path is taken
   * for a file of unknown size where absent.
   */
  fileKind?(path: string): FileKind;
  /**
   * Whole or not at all: a temporary file beside the target, then a rename. A link is
   * followed (the file it names is replaced, the link kept); a device or a FIFO is written
   * in place, never replaced.
   */
  writeFileAtomic(path: string, data: string | Uint8Array): void;
  /** The same, for a text given in pieces (never held whole). Optional: writeFileAtomic serves, joined, where absent. */
  writeFilePieces?(path: string, pieces: Iterable<string>): void;
  /**
   * A text file written as it is made, never held whole: into a temporary file beside the
   * target, renamed over it by `done` (so the target is still whole or not at all), removed
   * by `abandon`. Optional: the text is gathered and written by writeFilePieces where absent.
   */
  openStream?(path: string): TextStream;
  /** The path with every link resolved, also for a file not there yet. Optional: the path itself where absent. */
  realPath?(path: string): string;
}

/** A file being written piece by piece (Io.openStream). */
export interface TextStream {
  write(text: string): void;
  /** The last piece written: the file takes the target's place. */
  done(): void;
  /** The run failed: the temporary file is removed, the target left as it was. */
  abandon(): void;
}

export type FileKind = { kind: 'file'; size: number } | { kind: 'dir' | 'other' | 'missing' };

/** The process's standard output and standard error, each made when first asked for (Node makes them so). */
export interface StandardStreams {
  stdout(): NodeJS.WriteStream;
  stderr(): NodeJS.WriteStream;
}

const processStreams: StandardStreams = { stdout: () => process.stdout, stderr: () => process.stderr };

/** The real process; `streams`: how to reach stdout and stderr (the binary's handle their failures). */
export function nodeIo(streams: StandardStreams = processStreams): Io {
  const stdout = streams.stdout();
  return {
    stdout: (s) => stdout.write(s),
    stdoutBytes: (b) => stdout.write(b),
    stderr: (s) => streams.stderr().write(s),
    stdoutIsTTY: Boolean(stdout.isTTY),
    ...(stdout.isTTY && stdout.columns > 0 ? { stdoutColumns: stdout.columns } : {}),
    env: process.env,
    cwd: process.cwd(),
    readFile: (p) => readFileSync(p),
    readChunks: (p) => {
      const fd = openSync(p, 'r');
      try {
        return { size: fstatSync(fd).size, chunks: fileChunks(fd) };
      } catch (e) {
        closeSync(fd);
        throw e;
      }
    },
    readStdin: () => readFileSync(0),
    readStdinChunks: () => fileChunks(0, { fill: true, keepOpen: true }),
    listDir: (p) => readdirSync(p),
    isDir: (p) => {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    fileKind: (p) => {
      const stat = statSync(p, { throwIfNoEntry: false });
      if (!stat) return { kind: 'missing' };
      if (stat.isFile()) return { kind: 'file', size: stat.size };
      return { kind: stat.isDirectory() ? 'dir' : 'other' };
    },
    realPath: (p) => realPathOf(resolve(p)),
    writeFileAtomic: (path, data) => writeAtomic(path, (file) => writeFileSync(file, data)),
    openStream: (path) => openStream(path),
    writeFilePieces: (path, pieces) =>
      writeAtomic(path, (file) => {
        // The file is made as writeFileAtomic makes it (writeFileSync), then added to.
        const iterator = pieces[Symbol.iterator]();
        const first = iterator.next();
        writeFileSync(file, first.done ? '' : first.value);
        if (first.done) return;
        const fd = openSync(file, 'a');
        try {
          for (let p = iterator.next(); !p.done; p = iterator.next()) writeSync(fd, p.value);
        } finally {
          closeSync(fd);
        }
      }),
  };
}

/**
 * Whole or not at all: `write` fills a temporary file beside the target, then it is renamed.
 * A failure is told by the path the user gave and what it means for them (no such folder, no
 * permission, disk full), never by the temporary file's name or the system's raw words.
 */
function writeAtomic(path: string, write: (file: string) => void): void {
  try {
    writeThroughTemporary(path, write);
  } catch (e) {
    throw writeError(e, path);
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'cli/write-no-folder',
  ENOTDIR: 'cli/write-no-folder',
  EACCES: 'cli/write-denied',
  EPERM: 'cli/write-denied',
  EROFS: 'cli/write-denied',
  ENOSPC: 'cli/write-full',
  EDQUOT: 'cli/write-full',
  EFBIG: 'cli/write-full',
  EISDIR: 'cli/write-is-dir',
};

export function writeError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return e;
  const rel = relative(process.cwd(), path);
  const shown = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return new PlancheckError(WRITE_ERRORS[code] ?? 'cli/write-other', { path: shown, folder: dirname(shown), code });
}

/** Where a write to `path` goes: the file the path names, links followed, and the temporary file beside it (none for a device or a FIFO, written in place). */
function temporaryOf(path: string): { target: string; tmp?: string } {
  const target = realPathOf(resolve(path));
  const stat = statSync(target, { throwIfNoEntry: false });
  // A device or a FIFO (-o /dev/stdout, a pipe) is written to, never renamed over.
  if (stat && !stat.isFile() && !stat.isDirectory()) return { target };
  // pid + time + a random suffix: unique enough beside one target, without loading node:crypto.
  return { target, tmp: join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`) };
}

function writeThroughTemporary(path: string, write: (file: string) => void): void {
  const { target, tmp } = temporaryOf(path);
  if (tmp === undefined) {
    write(target);
    return;
  }
  try {
    write(tmp);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Text gathered up to this many UTF-16 units before a write: few system calls, little memory. */
const STREAM_BUFFER = 1 << 16;

/**
 * A file written as it is made (Io.openStream), through a temporary file as writeAtomic
 * writes, its failures told the same way, by the user's path.
 */
function openStream(path: string): TextStream {
  let fd: number;
  let target: string;
  let tmp: string | undefined;
  try {
    ({ target, tmp } = temporaryOf(path));
    fd = openSync(tmp ?? target, 'w');
  } catch (e) {
    throw writeError(e, path);
  }
  let pending: string[] = [];
  let size = 0;
  let closed = false;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  const fail = (e: unknown): never => {
    abandon();
    throw writeError(e, path);
  };
  const abandon = () => {
    if (closed) return;
    closed = true;
    try {
      closeSync(fd);
    } catch {
      // already failed: the temporary file is removed below all the same
    }
    if (tmp !== undefined) rmSync(tmp, { force: true });
  };
  return {
    write: (text) => {
      pending.push(text);
      size += text.length;
      if (size < STREAM_BUFFER) return;
      try {
        flush();
      } catch (e) {
        fail(e);
      }
    },
    done: () => {
      try {
        flush();
        closed = true;
        closeSync(fd);
        if (tmp !== undefined) renameSync(tmp, target);
      } catch (e) {
        closed = false;
        fail(e);
      }
    },
    abandon,
  };
}

/**
 * `path` with its links resolved; for a path not there yet (or a link to one), its folder
 * resolved and the name kept, so that the write lands where the link points.
 */
function realPathOf(path: string, hops = 0): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there: a dangling link names where it would be; otherwise resolve the folder.
  }
  if (hops < 40) {
    try {
      return realPathOf(resolve(dirname(path), readlinkSync(path)), hops + 1);
    } catch {
      // not a link
    }
  }
  const parent = dirname(path);
  return parent === path ? path : join(realPathOf(parent, hops), basename(path));
}

/**
 * A file's bytes 4 MiB at a time (the size of a piece of src/ingest/pieces.ts), read into
 * two buffers in turn, so that a file of any size is read in 8 MiB; closes the file at the
 * end, unless `keepOpen` (standard input). `fill`: each chunk is filled before it is handed
 * out (a pipe gives 64 KiB a read, and a slow producer less), waiting on a pipe that has
 * nothing yet rather than reading it again at once.
 */
const CHUNK_BYTES = 4 * 1024 * 1024;

function* fileChunks(fd: number, how: { fill?: boolean; keepOpen?: boolean } = {}): Generator<Uint8Array> {
  // Not zero-filled: every byte handed out is one read. Plain Uint8Arrays over them: a
  // Buffer's indexOf takes a slower path for one byte.
  const buffers: Uint8Array[] = [];
  try {
    for (let i = 0; ; i++) {
      if (buffers.length < 2) {
        const raw = Buffer.allocUnsafe(CHUNK_BYTES);
        buffers.push(new Uint8Array(raw.buffer, raw.byteOffset, raw.length));
      }
      const buf = buffers[i % 2]!;
      let n = how.fill ? readWaiting(fd, buf, 0) : readSync(fd, buf, 0, buf.length, null);
      if (how.fill) {
        let got = n;
        while (got > 0 && n < buf.length) n += got = readWaiting(fd, buf, n);
      }
      if (n === 0) return;
      yield n === buf.length ? buf : buf.subarray(0, n);
    }
  } finally {
    if (!how.keepOpen) closeSync(fd);
  }
}

/** A read into buf from `at`, waiting 10 ms at a time while a non-blocking pipe has nothing yet; 0 at the end. */
function readWaiting(fd: number, buf: Uint8Array, at: number): number {
  for (;;) {
    try {
      return readSync(fd, buf, at, buf.length - at, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(PAUSE, 0, 0, 10);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
