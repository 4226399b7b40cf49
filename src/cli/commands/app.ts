// plancheck app -o plancheck.html: the offline page (issue 24), one HTML file that runs
// plancheck in a browser with no installation and no network. The build makes it
// (scripts/build-app.mjs → dist/plancheck.html); this command copies it where the user asks.
import { dirname, join, resolve } from 'node:path';
import { PlancheckError } from '../../diagnostics.js';
import { t } from '../../i18n/index.js';
import type { Io } from '../io.js';
import { parseLang } from '../options.js';
import { checkOutputPaths } from '../output-paths.js';
import { bundledPlanDir } from '../plan-files.js';

export interface AppOptions {
  output?: string;
  lang?: string;
  quiet?: boolean;
}

/** Where the build put the page: dist/ beside the bundled plan/. */
export const APP_PAGE = 'plancheck.html';

export async function runApp(io: Io, opts: AppOptions): Promise<number> {
  const lang = parseLang(opts.lang, io.env);
  const output = opts.output;
  if (output === undefined || !/\.html?$/iu.test(output)) throw new PlancheckError('app/bad-output', { path: output ?? '' });
  const page = join(dirname(bundledPlanDir()), 'dist', APP_PAGE);
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(page);
  } catch {
    throw new PlancheckError('app/no-page', { path: page });
  }
  checkOutputPaths(io, [output], [page]);
  io.writeFileAtomic(resolve(io.cwd, output), bytes);
  if (!opts.quiet) io.stderr(`${t(lang, 'app/wrote', { path: output, size: `${(bytes.length / 1024 / 1024).toFixed(1)} MB` })}\n`);
  return 0;
}
