// The layers of src/ as tests/architecture/layers.cjs documents them: no import runs up a
// layer and no files import each other in a circle. dependency-cruiser reads the sources
// (type-only imports included), offline.
//
// And the rules bite: tests/fixtures/layers/src is a miniature src/ with one import each rule
// forbids, two circles, and imports the rules allow; it must give exactly those violations.
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

const RULES = fileURLToPath(new URL('./layers.cjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/layers', import.meta.url));

/** Cruises `src` in `baseDir` with the rules: the result, and each violation as `rule: from → to` (a circle: from → … → from). */
async function cruiseSrc(baseDir: string): Promise<{ result: ICruiseResult; violations: string[] }> {
  const options = await extractDepcruiseOptions(RULES);
  const { output } = await cruise(['src'], { ...options, baseDir });
  const result = output as ICruiseResult;
  const violations = result.summary.violations.map((v) =>
    v.cycle?.length ? `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')}` : `${v.rule.name}: ${v.from} → ${v.to}`,
  );
  return { result, violations: violations.sort() };
}

describe('the layers of src/ (tests/architecture/layers.cjs)', () => {
  it('no import runs up a layer, and no files import each other in a circle', async () => {
    const { result, violations } = await cruiseSrc(ROOT);
    expect(violations).toEqual([]);
    // The rules saw the code: every relative import resolved to a file of src/ (an import the
    // cruise could not follow would escape every rule), and there are hundreds of them.
    const local = result.modules.flatMap((m) => m.dependencies.filter((d) => d.module.startsWith('.')).map((d) => ({ from: m.source, ...d })));
    expect(local.filter((d) => d.couldNotResolve || !d.resolved.startsWith('src/')).map((d) => `${d.from} → ${d.module}`)).toEqual([]);
    expect(local.length).toBeGreaterThan(500);
    expect(result.modules.map((m) => m.source)).toEqual(expect.arrayContaining(['src/model/cells.ts', 'src/engine/kinds/index.ts', 'src/cli/main.ts']));
  }, 60_000);

  it('bite: each forbidden import and each circle of the fixture is found, and nothing else', async () => {
    const { violations } = await cruiseSrc(FIXTURE);
    expect(violations).toEqual([
      'api-not-cli: src/index.ts → src/cli/version.ts',
      'base-imports-no-layer: src/text/width.ts → src/model/observation.ts',
      'cli-not-api: src/cli/main.ts → src/index.ts',
      'engine-imports-plan: src/engine/evaluate.ts → src/i18n/catalog.ts',
      'engine-imports-plan: src/engine/evaluate.ts → src/ingest/read.ts',
      'format-imports-below: src/format/table.ts → src/cli/version.ts',
      'i18n-imports-base: src/i18n/ingest.ts → src/ingest/limits.ts',
      'in-a-layer: src/stray/helper.ts → src/diagnostics.ts',
      'ingest-imports-plan: src/ingest/read.ts → src/engine/kinds.ts',
      'model-imports-base: src/model/observation.ts → src/ingest/limits.ts',
      'no-circle: src/engine/kinds.ts → src/plan/model.ts → src/engine/kinds.ts',
      'no-circle: src/format/detail.ts → src/format/records.ts → src/format/detail.ts',
      'plan-imports-model: src/plan/model.ts → src/engine/kinds.ts',
      'quality-imports-engine: src/quality/check.ts → src/format/table.ts',
      'report-imports-engine: src/report/build.ts → src/quality/check.ts',
      'to-a-layer: src/cli/main.ts → src/stray/helper.ts',
    ]);
  }, 60_000);
});
