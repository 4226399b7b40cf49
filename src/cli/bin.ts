// The binary: wire the CLI to the real process. An unexpected error is reported
// in one line with a request to file a bug; known errors never reach here.
//
// `plancheck --version` is answered here, before anything else loads: the CLI
// itself (commander, the commands, the messages) is most of the start-up of a
// run that only asks for the version. Every other argument list goes to main(),
// in dist/main.cjs, which is compiled from V8's code cache when there is a valid
// one (see loadMain below).
import { accessSync, closeSync, constants, fstatSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** package.json's version, set by the build (scripts/build.mjs). */
declare const PLANCHECK_VERSION: string;
/** A hash of dist/main.cjs as the build wrote it, set by the same build. */
declare const PLANCHECK_MAIN_ID: string;

/** Words for a failed write of stdout or stderr, once dist/main.cjs is loaded (in the user's language). */
let describeWriteFailure: ((stream: 'stdout' | 'stderr', e: unknown) => string) | undefined;

/**
 * A reader that stops early (`plancheck … | head`) is not an error; any other failed write
 * (`> /dev/full`) is said on stderr, if stderr still works, and the run exits 2.
 */
function exitOnBrokenPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    failedWrite(stream === process.stderr ? 'stderr' : 'stdout', e);
  });
}

function failedWrite(name: 'stdout' | 'stderr', e: unknown): never {
  if (name === 'stdout' && !process.stderr.errored) {
    const text = describeWriteFailure?.(name, e) ?? `plancheck: cannot write to standard output (${(e as NodeJS.ErrnoException)?.code ?? String(e)})\n`;
    try {
      process.stderr.write(text);
    } catch {
      // stderr is gone too: the exit status says it
    }
  }
  process.exit(2);
}

/**
 * Inputs up to this many bytes in all make a short run, which V8 is tuned for below.
 * Around 1 MB the two settings cost the same; from 5 MB up V8's own is faster.
 */
const SHORT_RUN_BYTES = 1024 * 1024;

/**
 * V8 as tuned for every run: its young generation kept at its first size (no growth
 * factor), where V8 would double it up to 32 MB as soon as some 15 MB of objects have
 * outlived a scavenge (the plan and an 18,000-row regions file do). On a short run the
 * fresh pages of a bigger one cost more than the extra scavenges of a small one (each
 * page's first touch is a fault, which is slow on a virtual machine); on a national return
 * the run takes as long either way, and its peak RSS is some 40 MB lower (4 M rows:
 * about 175 MB against 220 MB).
 */
const RUN_FLAGS = '--semi-space-growth-factor=1';

/**
 * V8 as tuned for a short run besides: its interrupt budget raised. V8 hands a function
 * to its optimizing compiler (TurboFan) once a fixed amount of its bytecode has run, a few
 * budgets of 66 KB. In a run over a small return that is dozens of compile jobs for
 * functions about to stop running anyway, and on a 2-core machine they cost the run a good
 * part of its time (their thread and the memory they touch compete with it). Raised, only
 * code that is really hot is optimized. A large return keeps V8's budget: there optimizing
 * early pays (the raised budget made a 20 MB return 20–30% slower).
 */
const SHORT_RUN_FLAGS = '--interrupt-budget=1000000';

/**
 * V8 tuned for this run (RUN_FLAGS, and SHORT_RUN_FLAGS for a short one); whether it is
 * short. The inputs are the files named on the command line, whatever the option; standard
 * input (`-`), of unknown size, makes a run that is not known to be short.
 */
function tuneV8(args: readonly string[]): boolean {
  // Required here, not imported: `plancheck --version` does without it.
  const v8 = require('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString(RUN_FLAGS);
  if (!isShortRun(args)) return false;
  v8.setFlagsFromString(SHORT_RUN_FLAGS);
  return true;
}

function isShortRun(args: readonly string[]): boolean {
  let bytes = 0;
  for (const arg of args) {
    if (arg === '-') return false;
    try {
      const stat = statSync(arg, { throwIfNoEntry: false });
      if (stat?.isFile()) bytes += stat.size;
    } catch {
      // Not a file name (a NUL, too long, no access): main() says what is wrong with it.
    }
    if (bytes > SHORT_RUN_BYTES) return false;
  }
  return true;
}

async function run(argv: string[]): Promise<void> {
  exitOnBrokenPipe(process.stdout);
  exitOnBrokenPipe(process.stderr);
  try {
    const short = tuneV8(argv);
    const { main, nodeIo, writeFailure } = loadMain(short ? 'short' : 'long', argv[0] === 'evaluate' ? 'evaluate' : 'other');
    describeWriteFailure = (stream, e) => writeFailure(argv, process.env, stream, e);
    process.exitCode = await main(argv, nodeIo());
    exitWhenWritten();
  } catch (e) {
    process.stderr.write(`plancheck: internal error: ${(e as Error)?.message ?? String(e)}\n(please report this with the command that caused it; set PLANCHECK_DEBUG=1 for details)\n`);
    if (process.env.PLANCHECK_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = 70;
  }
}

/**
 * The run is over: leave now rather than let Node tear the whole engine down (its heap,
 * its threads, every handle), which took 15 ms of a sample evaluation. process.exit()
 * still runs the 'exit' listeners (the code cache's among them), but it would cut off
 * output still queued on an asynchronous stdout or stderr (a pipe on macOS, a terminal
 * on Windows): with anything queued, the run ends as usual, once it is written.
 */
function exitWhenWritten(): void {
  // A write that failed at once (a full disk) is known before its 'error' event comes.
  if (process.stdout.errored) failedWrite('stdout', process.stdout.errored);
  if (process.stderr.errored) failedWrite('stderr', process.stderr.errored);
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
}

/** What dist/main.cjs exports: the CLI and the real process's Io. */
type Main = typeof import('./main.js') & typeof import('./io.js') & typeof import('./write-failure.js');

/**
 * V8's code cache of dist/main.cjs, beside it: a line with its key and the command that
 * made it, then V8's data. One for short runs and one for the others: V8 only takes a
 * cache made under the same flags, and short runs set more (SHORT_RUN_FLAGS).
 */
const codeCacheFile = (flags: 'short' | 'long') => `main.cjs.${flags}.v8-cache`;

/**
 * dist/main.cjs, run as Node runs a CommonJS module, but compiled with V8's code cache:
 * the bytecode of every function a run used, saved by an earlier run. Without it V8
 * parses the 350 KB file at every start and compiles each function the first time it
 * runs, a thousand functions in an evaluation: a fifth of the run.
 *
 * The cache is only used for the very file it was made from. Its key is the build's hash
 * of main.cjs (PLANCHECK_MAIN_ID, written into this file by the same build), main.cjs's
 * size and modification time (for a hand edit of dist/), and Node's version and platform;
 * V8 then checks its own version and flags (hence one cache for short runs and one for the
 * others), and rejects the data on any difference. When
 * there is no valid cache, the run makes one as it exits, if dist/ is writable (a
 * temporary file, then a rename, so that no run reads half a cache); otherwise it does
 * without. The build makes the first one with an evaluation of the sample
 * (scripts/build.mjs). A cache holds the functions of the command that made it: one made
 * by another command (an installed package's first run may be `plancheck --help`) is
 * made again by the first evaluation.
 */
function loadMain(flags: 'short' | 'long', command: 'evaluate' | 'other'): Main {
  const file = join(__dirname, 'main.cjs');
  const fd = openSync(file, 'r');
  let source: string;
  let key: string | undefined;
  try {
    const before = fstatSync(fd);
    // ASCII only (the build escapes anything else): read as Latin-1, straight into a one-byte string.
    source = readFileSync(fd, 'latin1');
    const after = fstatSync(fd);
    // A file rewritten while it was read (a build running beside this run) has no key.
    if (sameFile(before, after)) key = `${PLANCHECK_MAIN_ID} ${after.size} ${after.mtimeMs} ${process.version} ${process.platform} ${process.arch}`;
  } finally {
    closeSync(fd);
  }
  const cachePath = join(__dirname, codeCacheFile(flags));
  const cached = key === undefined ? undefined : readCodeCache(cachePath, key);
  const cachedData = cached?.data;
  // main.cjs is Node's CommonJS wrapper around the module already (the build writes it so):
  // the script is the function, compiled as it is read, without a copy of 350 KB to wrap it.
  const script = new Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (key !== undefined && (!cached || script.cachedDataRejected || (cached.command !== 'evaluate' && command === 'evaluate'))) {
    const line = `${key} ${command}`;
    // As the run exits: the cache then holds every function it compiled.
    process.once('exit', (code) => {
      if (code <= 2) writeCodeCache(script, cachePath, line);
    });
  }
  const module = { exports: {} as Main };
  // This file's own require: main.cjs is beside it, so its requires (./vendor/…, node:…) resolve alike.
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, __dirname);
  return module.exports;
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The cache's V8 data and the command that made it, if its key is `key`. */
function readCodeCache(path: string, key: string): { data: Buffer; command: string } | undefined {
  try {
    const bytes = readFileSync(path);
    const end = bytes.indexOf(0x0a);
    const line = end < 0 ? '' : bytes.toString('latin1', 0, end).trimEnd();
    if (!line.startsWith(`${key} `)) return undefined;
    return { data: bytes.subarray(end + 1), command: line.slice(key.length + 1) };
  } catch {
    return undefined;
  }
}

/** `line` (the key and the command), then the data, written whole or not at all. */
function writeCodeCache(script: Script, path: string, line: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    accessSync(__dirname, constants.W_OK);
    // The line padded to a multiple of 16 bytes, so that V8's data starts aligned and is used where it was read.
    const padded = `${line} `.padEnd(Math.ceil((line.length + 2) / 16) * 16 - 1);
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${padded}\n`, 'latin1'), script.createCachedData()]));
    renameSync(tmp, path);
  } catch {
    // dist/ read-only or full: the next run compiles as usual.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

// Last, once every constant above is set.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  exitOnBrokenPipe(process.stdout).write(`${PLANCHECK_VERSION}\n`);
} else {
  void run(argv);
}
