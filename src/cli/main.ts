// The complete CLI: every command, each loading its code when run, so that `--help` or
// `validate` do not pay for the engine. The binary runs a command from its own build
// (dist/commands/, see scripts/build.mjs) and this one for anything else (help, a mistyped
// command); tests run this one in-process.
import type { Io } from './io.js';
import { runCli, type Commands } from './program.js';

const commands: Required<Commands> = {
  evaluate: async (...a) => (await import('./commands/evaluate.js')).runEvaluate(...a),
  report: async (...a) => (await import('./commands/report.js')).runReport(...a),
  validate: async (...a) => (await import('./commands/validate.js')).runValidate(...a),
  check: async (...a) => (await import('./commands/check.js')).runCheck(...a),
  template: async (...a) => (await import('./commands/template.js')).runTemplate(...a),
  indicators: async (...a) => (await import('./commands/indicators.js')).runIndicators(...a),
  app: async (...a) => (await import('./commands/app.js')).runApp(...a),
};

export function main(argv: string[], io: Io): Promise<number> {
  return runCli(argv, io, commands);
}
