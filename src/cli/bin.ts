// The binary: wire the CLI to the real process. An unexpected error is reported
// in one line with a request to file a bug; known errors never reach here.
import { main } from './main.js';
import { nodeIo } from './io.js';

// A reader that stops early (`plancheck … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`plancheck: internal error: ${(e as Error)?.message ?? String(e)}\n(please report this with the command that caused it; set PLANCHECK_DEBUG=1 for details)\n`);
    if (process.env.PLANCHECK_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    process.exitCode = 70;
  },
);
