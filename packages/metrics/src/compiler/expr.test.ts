import { describe, expect, it } from 'vitest';
import { parseExpr } from './expr.js';

describe('KPI arithmetic', () => {
  it('respects precedence and parentheses', () => {
    expect(parseExpr('a + b * c').evaluate({ a: 1, b: 2, c: 3 })).toBe(7);
    expect(parseExpr('(a + b) * c').evaluate({ a: 1, b: 2, c: 3 })).toBe(9);
    expect(parseExpr('a - b - c').evaluate({ a: 10, b: 2, c: 3 })).toBe(5);
    expect(parseExpr('cogs / (v / d)').evaluate({ cogs: 15, v: 293, d: 7 })).toBeCloseTo(15 / (293 / 7), 12);
  });
  it('lists the measures it reads', () => {
    expect(parseExpr('lost_margin + expedite_cost').names.sort()).toEqual(['expedite_cost', 'lost_margin']);
  });
  it('gives null on division by zero, and null spreads', () => {
    expect(parseExpr('a / b').evaluate({ a: 1, b: 0 })).toBeNull();
    expect(parseExpr('c / (a / b)').evaluate({ a: 1, b: 0, c: 3 })).toBeNull();
  });
  it('rejects anything but arithmetic over names', () => {
    for (const bad of ['a +', 'a b', 'a; drop', 'f(a)', 'a ** b', '(a']) expect(() => parseExpr(bad)).toThrow();
  });
});
