import { describe, expect, it } from 'vitest';
import { parseBoolean, parseNumber, parseResidence, parseSex, parseUnitCell, parseYear } from '../../src/ingest/cells.js';

describe('parseNumber', () => {
  it.each([
    ['12', 12, undefined, 0],
    ['１２．５', 12.5, undefined, 1],
    ['1,234.5', 1234.5, undefined, 1],
    ['１，２３４', 1234, undefined, 0],
    ['12,345,678', 12345678, undefined, 0],
    ['0.32%', 0.32, '%', 2],
    ['９８．５％', 98.5, '%', 1],
    ['1.94‰', 1.94, '‰', 2],
    ['3 ‱', 3, '‱', 0],
    ['+3', 3, undefined, 0],
    ['−1.5', -1.5, undefined, 1],
    ['-0', 0, undefined, 0],
    ['  7  ', 7, undefined, 0],
    ['1.5e3', 1500, undefined, 0],
  ])('reads %j as %d', (raw, number, unit, decimals) => {
    const r = parseNumber(raw);
    expect(r.problem).toBeUndefined();
    expect(r.value?.number).toBe(number);
    expect(r.value?.unit).toBe(unit);
    expect(r.value?.decimals).toBe(decimals);
  });

  it.each(['', '  ', '—', '——', '–', '-', '/', '／', '－', '…', '...', 'N/A', 'NA', 'n/a', '无'])('reads %j as missing, not an error', (raw) => {
    expect(parseNumber(raw)).toEqual({ value: { number: null, decimals: 0 } });
  });

  it.each([
    ['9 8', 'not-a-number'],
    ['12abc', 'not-a-number'],
    ['约0.85', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['%', 'not-a-number'],
    ['1,23', 'bad-thousands'],
    ['1234,567', 'bad-thousands'],
    ['1,2345', 'bad-thousands'],
    ['1e400', 'number-out-of-range'],
  ])('rejects %j as %s', (raw, problem) => {
    expect(parseNumber(raw).problem).toBe(problem);
  });
});

describe('parseYear', () => {
  it.each(['2023', '2023年', '２０２３年', '2023.0', ' 2023 ', '2023年度'])('reads %j as 2023', (raw) => {
    expect(parseYear(raw)).toEqual({ value: 2023 });
  });
  it.each([
    ['二〇二三', 'not-a-year'],
    ['23', 'not-a-year'],
    ['2023.5', 'not-a-year'],
    ['1899', 'year-out-of-range'],
    ['2101', 'year-out-of-range'],
  ])('rejects %j as %s', (raw, problem) => {
    expect(parseYear(raw).problem).toBe(problem);
  });
  it('accepts the bounds of the range', () => {
    expect(parseYear('1900').value).toBe(1900);
    expect(parseYear('2100').value).toBe(2100);
  });
});

describe('disaggregations', () => {
  it.each([
    ['男', 'male'], ['男性', 'male'], ['Male', 'male'], ['M', 'male'],
    ['女', 'female'], ['女性', 'female'], ['female', 'female'], ['f', 'female'],
    ['合计', 'total'], ['总计', 'total'], ['全部', 'total'], ['Total', 'total'], ['all', 'total'], ['', 'total'],
  ])('sex %j is %s', (raw, sex) => {
    expect(parseSex(raw)).toEqual({ value: sex });
  });
  it.each([
    ['城市', 'urban'], ['城镇', 'urban'], ['城区', 'urban'], ['Urban', 'urban'],
    ['农村', 'rural'], ['乡村', 'rural'], ['rural', 'rural'],
    ['合计', 'total'], ['总计', 'total'], ['total', 'total'], ['', 'total'],
  ])('residence %j is %s', (raw, residence) => {
    expect(parseResidence(raw)).toEqual({ value: residence });
  });
  it('rejects what it does not know', () => {
    expect(parseSex('儿童').problem).toBe('bad-sex');
    expect(parseResidence('郊区').problem).toBe('bad-residence');
  });
});

describe('parseBoolean', () => {
  it.each(['是', '有', '已成立', '已建立', '1', 'true', 'Yes', 'y', '√'])('%j is yes', (raw) => {
    expect(parseBoolean(raw)).toEqual({ value: true });
  });
  it.each(['否', '无', '未成立', '0', 'FALSE', 'no', 'n', '×'])('%j is no', (raw) => {
    expect(parseBoolean(raw)).toEqual({ value: false });
  });
  it('rejects a maybe', () => {
    expect(parseBoolean('筹建中').problem).toBe('bad-boolean');
  });
});

describe('parseUnitCell', () => {
  it('knows the convertible signs by symbol and by name', () => {
    expect(parseUnitCell('％').unit).toBe('%');
    expect(parseUnitCell('千分比').unit).toBe('‰');
    expect(parseUnitCell('人').unit).toBeUndefined();
  });
});
