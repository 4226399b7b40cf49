// Text normalisation shared by the plan and the returns: what makes two
// spellings of a name the same name.

/** Full-width to half-width (NFKC), as Excel users type both. */
export function halfWidth(s: string): string {
  return s.normalize('NFKC');
}

// Punctuation that does not change what a name means: 、《》“”"' · and brackets.
const NOISE = /[\s、《》〈〉“”‘’"'·•・]/gu;
// A trailing unit in brackets: 新生儿死亡率（‰）, 托位数(个/千人), 覆盖率[%]
const TRAILING_UNIT = /[(（[【][^()（）[\]【】]*[)）\]】]$/u;

/**
 * The key two names are compared by: half-width, case-folded, without spaces,
 * decorative punctuation or a trailing unit in brackets.
 */
export function normalizeName(s: string): string {
  let t = halfWidth(s).trim();
  // Strip a trailing bracketed unit, but keep brackets that are part of the name,
  // such as 乡镇(街道) or 议事会(团), which are not at the end or contain no unit sign.
  const m = TRAILING_UNIT.exec(t);
  if (m && looksLikeUnit(m[0])) t = t.slice(0, m.index);
  return t.replace(NOISE, '').replace(/[()（）]/gu, '').toLowerCase();
}

function looksLikeUnit(bracketed: string): boolean {
  const inner = bracketed.slice(1, -1).trim();
  if (inner === '') return true;
  return /^[%‰‱‰]$|^1\/10万$|^[人个所处天小时次岁元%‰/千万名儿童口]+$/u.test(inner) || /[%‰]/u.test(inner);
}

/** Edit distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[B.length] ?? 0;
}

/** The closest candidate within a distance that still looks like a typo, if any. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const key = normalizeName(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(key, normalizeName(c));
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  // One edit in three characters still looks like a typo; 季市镇 → 全市 (two edits) does not.
  const limit = Math.max(1, Math.floor([...key].length / 3));
  return bestDistance <= limit ? best : undefined;
}
