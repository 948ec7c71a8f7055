import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseNumber } from '../src/index.js';

describe('parseNumber', () => {
  it('reads half- and full-width digits, separators, signs and units', () => {
    expect(parseNumber('42').value).toBe(42);
    expect(parseNumber('４２').value).toBe(42);
    expect(parseNumber('1,282').value).toBe(1282);
    expect(parseNumber('１，２８２件').value).toBe(1282);
    expect(parseNumber('-185').value).toBe(-185);
    expect(parseNumber('－15').value).toBe(-15);
    expect(parseNumber('减少15').value).toBe(-15);
    expect(parseNumber('24.5万元')).toEqual({ value: 24.5, blank: false, unit: '万元' });
    expect(parseNumber('12条').unit).toBe('条');
    expect(parseNumber(' 7 ').value).toBe(7);
  });

  it('reads blanks as null, never 0', () => {
    for (const blank of ['', ' ', '—', '-', '/', '无', '\u00a0', '——']) {
      expect(parseNumber(blank)).toEqual({ value: null, blank: true, unit: '' });
    }
  });

  it('reads Chinese numerals', () => {
    expect(parseNumber('两件').value).toBe(2);
    expect(parseNumber('十二件').value).toBe(12);
    expect(parseNumber('一百零三条').value).toBe(103);
    expect(chineseNumeral('三万五千')).toBe(35000);
    expect(chineseNumeral('二十')).toBe(20);
    expect(chineseNumeral('abc')).toBeNull();
  });

  it('reports an absurd number instead of crashing', () => {
    const r = parseNumber('1'.repeat(40));
    expect(r.value).toBeNull();
    expect(r.error).toMatch(/40 digits/);
    expect(parseNumber('abc').error).toMatch(/not a number/);
  });
});
