// How a report's sentence names several indicators at once, as people write it: the words they
// share said once (新生儿、婴儿和5岁以下儿童死亡率; 学生每天校内、校外体育活动时间), the
// rest listed in order. Words are found with the runtime's word segmenter (Intl.Segmenter);
// where it has none, the names are listed whole. Pure.

/** A list as a sentence reads it: A、B和C / A, B and C. */
export function listAnd(items: readonly string[], sep: string, last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(sep)}${last}${items[items.length - 1]}`;
}

function words(name: string): string[] | undefined {
  if (typeof Intl.Segmenter !== 'function') return undefined;
  return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(name)].map((x) => x.segment);
}

interface Shared {
  prefix: string;
  suffix: string;
  /** Words in the shared end. */
  endWords: number;
  middles: string[];
}

/** The words names share at their end, then at their start; each name keeps a word of its own. */
function shared(names: readonly string[]): Shared | undefined {
  if (names.length < 2) return undefined;
  const split = names.map(words);
  if (split.some((x) => x === undefined)) return undefined;
  const ws = split as string[][];
  const shortest = Math.min(...ws.map((x) => x.length));
  let end = 0;
  while (end < shortest - 1 && ws.every((x) => x[x.length - 1 - end] === ws[0]![ws[0]!.length - 1 - end])) end++;
  let start = 0;
  while (start < shortest - end - 1 && ws.every((x) => x[start] === ws[0]![start])) start++;
  const middles = ws.map((x) => x.slice(start, x.length - end).join(''));
  if (middles.some((m) => m === '')) return undefined;
  return { prefix: ws[0]!.slice(0, start).join(''), suffix: ws[0]!.slice(ws[0]!.length - end).join(''), endWords: end, middles };
}

/**
 * Whether Chinese names name one kind of measure: they end in the same words, two characters
 * at least (率 alone joins nothing: 接种率 and 贫血率 are not one measure), or begin and end
 * alike (儿童超重率, 儿童肥胖率).
 */
export function shareWords(names: readonly string[]): boolean {
  const s = shared(names);
  return s !== undefined && (s.suffix.length >= 2 || (s.suffix !== '' && s.prefix !== ''));
}

/**
 * Chinese names that share words written once (shareWords): 新生儿、婴儿和5岁以下儿童死亡率,
 * 学生每天校内和校外体育活动时间. Only where the shared end cannot be read as part of the words
 * before it: one word (死亡率), three or more (幼儿园覆盖率), or with a shared start too
 * (儿童新发和总体近视率) — not 系统|管理|率 and 健康|管理|率 (“系统和健康管理率” would misread).
 * Undefined otherwise: the names are then listed whole.
 */
export function sharedName(names: readonly string[], sep: string, last: string): string | undefined {
  const s = shared(names);
  if (!s || !shareWords(names)) return undefined;
  if (s.endWords === 2 && s.prefix === '') return undefined;
  return `${s.prefix}${listAnd(s.middles, sep, last)}${s.suffix}`;
}
