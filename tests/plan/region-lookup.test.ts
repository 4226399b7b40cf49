// RegionIndex (src/plan/lookup.ts): a code that is also another region's name or alias is never
// resolved to one of them in silence, however the code is written.
import { describe, expect, it } from 'vitest';
import type { Region } from '../../src/plan/model.js';
import { RegionIndex } from '../../src/plan/lookup.js';

const CITY: Region = { code: '321200', name: '泰州市', aliases: ['全市'], level: 'city' };
const GAOGANG: Region = { code: '321203', name: '高港区', aliases: ['高港'], level: 'district', parent: '321200' };
const town = (aliases: string[]): Region => ({ code: '321202001', name: '城东街道', aliases, level: 'township', parent: '321200' });

describe('a code that is also another region\'s alias', () => {
  it('is ambiguous, with both readings, written plainly or in full-width digits', () => {
    const index = new RegionIndex([CITY, GAOGANG, town(['321203'])]);
    for (const written of ['321203', '３２１２０３', ' 321203 ']) {
      expect(index.find(written)).toEqual({ ambiguous: ['高港区（321203）', '城东街道（321202001）'], codeOf: '321203' });
    }
    expect([...index.clashes().keys()]).toEqual(['321203']);
    // The names still read.
    expect(index.find('高港区').found?.code).toBe('321203');
    expect(index.find('城东街道').found?.code).toBe('321202001');
  });

  it('the control: without the alias, the code is the region\'s own', () => {
    const index = new RegionIndex([CITY, GAOGANG, town(['城东'])]);
    expect(index.find('321203').found?.code).toBe('321203');
    expect(index.find('３２１２０３').found?.code).toBe('321203');
    expect(index.clashes().size).toBe(0);
  });
});
