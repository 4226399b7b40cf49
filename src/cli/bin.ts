// The binary: wire the CLI to the real process. An unexpected error is reported
// in one line with a request to file a bug; known errors never reach here.
//
// `plancheck --version` is answered here, before anything else loads: the CLI
// itself (commander, the commands, the messages) is most of the start-up of a
// run that only asks for the version. Every other argument list goes to main().

/** package.json's version, set by the build (scripts/build.mjs). */
declare const PLANCHECK_VERSION: string;

const argv = process.argv.slice(2);

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  exitOnBrokenPipe(process.stdout).write(`${PLANCHECK_VERSION}\n`);
} else {
  void run();
}

/** A reader that stops early (`plancheck … | head`) is not an error. */
function exitOnBrokenPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

async function run(): Promise<void> {
  exitOnBrokenPipe(process.stdout);
  exitOnBrokenPipe(process.stderr);
  try {
    const [{ main }, { nodeIo }] = await Promise.all([import('./main.js'), import('./io.js')]);
    process.exitCode = await main(argv, nodeIo());
  } catch (e) {
    process.stderr.write(`plancheck: internal error: ${(e as Error)?.message ?? String(e)}\n(please report this with the command that caused it; set PLANCHECK_DEBUG=1 for details)\n`);
    if (process.env.PLANCHECK_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = 70;
  }
}
