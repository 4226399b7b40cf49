// The binary: wire the CLI to the real process. An unexpected error is reported
// in one line with a request to file a bug; known errors never reach here.
//
// `plancheck --version` is answered here, before anything else loads: the CLI
// itself (commander, the commands, the messages) is most of the start-up of a
// run that only asks for the version. Every other argument list goes to main().
import { statSync } from 'node:fs';

/** package.json's version, set by the build (scripts/build.mjs). */
declare const PLANCHECK_VERSION: string;

/** A reader that stops early (`plancheck … | head`) is not an error. */
function exitOnBrokenPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/**
 * Inputs up to this many bytes in all make a short run, which V8 is tuned for below.
 * Around 1 MB the two settings cost the same; from 5 MB up V8's own is faster.
 */
const SHORT_RUN_BYTES = 1024 * 1024;

/**
 * V8 hands a function to its optimizing compiler (TurboFan) once a fixed amount of its
 * bytecode has run: a few interrupt budgets of 66 KB. In a run over a small return that
 * is dozens of compile jobs for functions about to stop running anyway, and on a 2-core
 * machine they cost the run a good part of its time (their thread and the memory they
 * touch compete with it). A run whose inputs are small raises the budget, so that only
 * code that is really hot is optimized. A large return keeps V8's default: there
 * optimizing early pays (the raised budget made a 20 MB return 20–30% slower).
 * The inputs are the files named on the command line, whatever the option; standard
 * input (`-`), of unknown size, keeps the default.
 */
function tuneForShortRun(args: readonly string[]): void {
  let bytes = 0;
  for (const arg of args) {
    if (arg === '-') return;
    try {
      const stat = statSync(arg, { throwIfNoEntry: false });
      if (stat?.isFile()) bytes += stat.size;
    } catch {
      // Not a file name (a NUL, too long, no access): main() says what is wrong with it.
    }
    if (bytes > SHORT_RUN_BYTES) return;
  }
  // Required here, not imported: `plancheck --version` does without it.
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--interrupt-budget=1000000');
}

async function run(argv: string[]): Promise<void> {
  exitOnBrokenPipe(process.stdout);
  exitOnBrokenPipe(process.stderr);
  try {
    tuneForShortRun(argv);
    const [{ main }, { nodeIo }] = await Promise.all([import('./main.js'), import('./io.js')]);
    process.exitCode = await main(argv, nodeIo());
  } catch (e) {
    process.stderr.write(`plancheck: internal error: ${(e as Error)?.message ?? String(e)}\n(please report this with the command that caused it; set PLANCHECK_DEBUG=1 for details)\n`);
    if (process.env.PLANCHECK_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = 70;
  }
}

// Last, once every constant above is set.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  exitOnBrokenPipe(process.stdout).write(`${PLANCHECK_VERSION}\n`);
} else {
  void run(argv);
}
