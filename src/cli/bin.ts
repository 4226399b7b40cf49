// The binary: wire the CLI to the real process. An unexpected error is reported
// in one line with a request to file a bug; known errors never reach here.
//
// `plancheck --version` is answered here, before anything else loads: the CLI itself
// (commander, the commands, the messages) is most of the start-up of a run that only asks
// for the version. A command runs from its own build, dist/commands/NAME.cjs, which holds
// that command's code and no other's (less for V8 to parse at every start); anything else
// (help, a mistyped command) runs the complete CLI, dist/main.cjs.

/** package.json's version, set by the build (scripts/build.mjs). */
declare const PLANCHECK_VERSION: string;
/** The commands built on their own (scripts/build.mjs). */
declare const PLANCHECK_COMMANDS: readonly string[];

/** Words for a failed write of stdout or stderr, once the CLI is loaded (in the user's language). */
let describeWriteFailure: ((stream: 'stdout' | 'stderr', e: unknown) => string) | undefined;

/**
 * A reader that stops early (`plancheck … | head`) is not an error; any other failed write
 * (`> /dev/full`) is said on stderr, if stderr still works, and the run exits 2.
 */
function exitOnBrokenPipe(stream: NodeJS.WriteStream, name: 'stdout' | 'stderr'): NodeJS.WriteStream {
  return stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    failedWrite(name, e);
  });
}

/**
 * Standard output and standard error, each made when first used, with the handler above:
 * over a pipe or a terminal Node makes a socket of each, some milliseconds of work, and a
 * sample evaluation writes nothing on stderr.
 */
let stdout: NodeJS.WriteStream | undefined;
let stderr: NodeJS.WriteStream | undefined;
const streams = {
  stdout: () => (stdout ??= exitOnBrokenPipe(process.stdout, 'stdout')),
  stderr: () => (stderr ??= exitOnBrokenPipe(process.stderr, 'stderr')),
};

function failedWrite(name: 'stdout' | 'stderr', e: unknown): never {
  if (name === 'stdout' && !stderr?.errored) {
    const text = describeWriteFailure?.(name, e) ?? `plancheck: cannot write to standard output (${(e as NodeJS.ErrnoException)?.code ?? String(e)})\n`;
    try {
      streams.stderr().write(text);
    } catch {
      // stderr is gone too: the exit status says it
    }
  }
  process.exit(2);
}

async function run(argv: string[]): Promise<void> {
  try {
    // Node 22.1+ keeps compiled code between runs in its own cache folder (in the temporary
    // folder, never the package's); older Node compiles every start.
    const module = require('node:module') as { enableCompileCache?: () => unknown };
    if (typeof module.enableCompileCache === 'function') module.enableCompileCache();
    const cli = PLANCHECK_COMMANDS.includes(argv[0]!) ? `./commands/${argv[0]}.cjs` : './main.cjs';
    const { main, nodeIo, writeFailure } = require(cli) as typeof import('./main.js') & typeof import('./io.js') & typeof import('./write-failure.js');
    describeWriteFailure = (stream, e) => writeFailure(argv, process.env, stream, e);
    process.exitCode = await main(argv, nodeIo(streams));
    exitWhenWritten();
  } catch (e) {
    streams.stderr().write(`plancheck: internal error: ${(e as Error)?.message ?? String(e)}\n(please report this with the command that caused it; set PLANCHECK_DEBUG=1 for details)\n`);
    if (process.env.PLANCHECK_DEBUG) streams.stderr().write(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = 70;
  }
}

/**
 * The run is over: leave now rather than let Node tear the whole engine down (its heap, its
 * threads, every handle), which took 15 ms of a sample evaluation. process.exit() would cut
 * off output still queued on an asynchronous stdout or stderr (a pipe on macOS, a terminal
 * on Windows): with anything queued, the run ends as usual, once it is written.
 */
function exitWhenWritten(): void {
  // A write that failed at once (a full disk) is known before its 'error' event comes.
  if (stdout?.errored) failedWrite('stdout', stdout.errored);
  if (stderr?.errored) failedWrite('stderr', stderr.errored);
  if (!stdout?.writableLength && !stderr?.writableLength) process.exit();
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  streams.stdout().write(`${PLANCHECK_VERSION}\n`);
} else {
  void run(argv);
}
