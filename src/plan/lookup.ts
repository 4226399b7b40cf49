// Finding an indicator or a region by the name a return gives it.
import { closest, normalizeName } from '../text/normalize.js';
import type { Indicator, Plan, Region } from './model.js';

export type Lookup<T> = { found: T } | { found?: undefined; suggestion?: string; ambiguous?: string[]; codeOf?: string };

export class IndicatorIndex {
  private readonly byKey = new Map<string, Indicator>();
  readonly all: readonly Indicator[];

  constructor(indicators: readonly Indicator[]) {
    this.all = indicators;
    for (const ind of indicators) {
      for (const n of [ind.id, ind.name, ...ind.aliases, ...(ind.nameEn ? [ind.nameEn] : [])]) this.byKey.set(normalizeName(n), ind);
    }
  }

  get(id: string): Indicator | undefined {
    return this.all.find((i) => i.id === id);
  }

  private readonly memo = new Map<string, Lookup<Indicator>>();

  /** By id, name or alias, ignoring width, spaces and a trailing unit; remembered, as returns repeat names. */
  find(name: string): Lookup<Indicator> {
    let hit = this.memo.get(name);
    if (!hit) {
      hit = this.lookup(name);
      this.memo.set(name, hit);
    }
    return hit;
  }

  private lookup(name: string): Lookup<Indicator> {
    const hit = this.byKey.get(normalizeName(name));
    if (hit) return { found: hit };
    const suggestion = closest(name, this.all.flatMap((i) => [i.name, ...i.aliases]));
    return suggestion !== undefined ? { suggestion } : {};
  }
}

/** Short names people write: 城东区 → 城东, 新华市 → 新华, 城东街道 → 城东. */
function shortName(name: string): string | undefined {
  const m = /^(.{2,}?)(市|区|县|镇|乡|街道|街道办事处)$/u.exec(name);
  return m ? m[1] : undefined;
}

export class RegionIndex {
  private keys: Map<string, Region[]> | undefined;
  /** A region's place in `all`, by code: also the number a store of cells gives it (CellStore, RegionNumbering). */
  private readonly byCode = new Map<string, number>();
  private readonly childrenOf = new Map<string, Region[]>();
  readonly all: readonly Region[];
  readonly top: Region;

  constructor(regions: readonly Region[]) {
    this.all = regions;
    for (let i = 0; i < regions.length; i++) {
      const r = regions[i]!;
      this.byCode.set(r.code, i);
      if (r.parent !== undefined) {
        const siblings = this.childrenOf.get(r.parent) ?? [];
        siblings.push(r);
        this.childrenOf.set(r.parent, siblings);
      }
    }
    const top = regions.find((r) => r.parent === undefined);
    if (!top) throw new Error('a plan has exactly one top region (checked when it is loaded)');
    this.top = top;
    for (const r of regions) {
      for (const n of [r.name, ...r.aliases]) {
        if (!/\d/u.test(n)) continue;
        const key = normalizeName(n);
        if (key === r.code || !this.byCode.has(key)) continue;
        const list = this.codeClashes.get(key) ?? [];
        list.push(r);
        this.codeClashes.set(key, list);
      }
    }
  }

  /**
   * Codes that are also another region's name or alias (a --regions unit aliased 110105, the
   * code of 朝阳区), with those regions: a return that writes such a code means either, and
   * is told so rather than given the one whose code it is. The plan's checks and the regions
   * file refuse this; the index does not rely on them.
   */
  private readonly codeClashes = new Map<string, Region[]>();

  /** Every code that is also another region's name or alias, with the regions it names. */
  clashes(): ReadonlyMap<string, readonly Region[]> {
    return this.codeClashes;
  }

  get(code: string): Region | undefined {
    const i = this.byCode.get(code);
    return i === undefined ? undefined : this.all[i];
  }

  /** RegionNumbering: a region's place in `all`, and back. */
  numberOf(code: string): number | undefined {
    return this.byCode.get(code);
  }

  codeOf(n: number): string {
    return this.all[n]!.code;
  }

  get size(): number {
    return this.all.length;
  }

  children(code: string): readonly Region[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** Every region below `code` whose level is `level` (the region itself if it is at that level). */
  unitsAt(code: string, level: string): Region[] {
    const r = this.get(code);
    if (!r) return [];
    if (r.level === level) return [r];
    return this.children(code).flatMap((c) => this.unitsAt(c.code, level));
  }

  /** Number of steps from the top region. */
  depth(code: string): number {
    let d = 0;
    for (let r = this.get(code); r?.parent !== undefined; r = this.get(r.parent)) d++;
    return d;
  }

  private readonly memo = new Map<string, Lookup<Region>>();

  /** By name, short name, alias or code; remembered, as returns repeat names. */
  find(name: string): Lookup<Region> {
    // A code is a region's own, found at once: not remembered again (a return may name 74,000 乡镇 by code).
    const coded = this.get(name);
    if (coded) return this.codeClashes.size && this.codeClashes.has(coded.code) ? this.clash(coded) : { found: coded };
    let hit = this.memo.get(name);
    if (!hit) {
      hit = this.lookup(name);
      this.memo.set(name, hit);
    }
    return hit;
  }

  /**
   * Regions by every name they go by (code, name, aliases, short name), normalised. Made
   * when a name is first looked up: a regions file of 40,000 乡镇 named by code never needs it.
   */
  private get byKey(): Map<string, Region[]> {
    if (this.keys) return this.keys;
    const byKey = new Map<string, Region[]>();
    for (const r of this.all) {
      const short = shortName(r.name);
      const keys = new Set([r.code, r.name, ...r.aliases, ...(short !== undefined ? [short] : [])].map(normalizeName));
      for (const k of keys) {
        const list = byKey.get(k);
        if (list) list.push(r);
        else byKey.set(k, [r]);
      }
    }
    return (this.keys = byKey);
  }

  /** A code that is also another region's name or alias: both readings, the code's region first. */
  private clash(coded: Region): Lookup<Region> {
    return { ambiguous: [coded, ...this.codeClashes.get(coded.code)!].map((r) => `${r.name}（${r.code}）`), codeOf: coded.code };
  }

  private lookup(name: string): Lookup<Region> {
    // A code is a region's own: no name lookup needed.
    const coded = this.get(name);
    if (coded) return { found: coded };
    const key = normalizeName(name);
    const list = this.byKey.get(key);
    if (list && list.length === 1) return { found: list[0]! };
    if (list && list.length > 1) {
      // A code written another way (３２１２０３) that is also another region's name or alias.
      const coded = list.find((r) => r.code === key);
      if (coded && this.codeClashes.has(coded.code)) return this.clash(coded);
      // A full name beats a short name: 新华市 is not ambiguous with a 新华镇.
      const exact = list.filter((r) => normalizeName(r.name) === key || r.code === name.trim());
      if (exact.length === 1) return { found: exact[0]! };
      return { ambiguous: list.map((r) => `${r.name}（${r.code}）`) };
    }
    const suggestion = closest(name, this.all.flatMap((r) => [r.name, ...r.aliases]));
    return suggestion !== undefined ? { suggestion } : {};
  }
}

export function indexes(plan: Plan, extraRegions: readonly Region[] = []): { indicators: IndicatorIndex; regions: RegionIndex } {
  return { indicators: new IndicatorIndex(plan.indicators), regions: new RegionIndex(mergeRegions(plan.regions, extraRegions)) };
}

/** A regions file adds units below the plan's regions, or replaces one with the same code. */
export function mergeRegions(base: readonly Region[], extra: readonly Region[]): Region[] {
  const byCode = new Map(base.map((r) => [r.code, r] as const));
  for (const r of extra) {
    const replaced = byCode.get(r.code);
    byCode.set(r.code, replaced ? { ...replaced, ...r, aliases: [...replaced.aliases, ...r.aliases] } : r);
  }
  return [...byCode.values()];
}
