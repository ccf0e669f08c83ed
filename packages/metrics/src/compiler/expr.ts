/**
 * Arithmetic over measure names (`lost_margin + expedite_cost`, `cogs / (a / b)`), the
 * only math a KPI definition may declare. Division by zero gives null, and null spreads.
 */
type Token = { kind: 'num'; value: number } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*)|([-+*/()]))/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < expr.length && (m = re.exec(expr)) !== null) {
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'name', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', value: m[3] });
    pos = re.lastIndex;
    if (/^\s*$/.test(expr.slice(pos))) break;
  }
  if (!/^\s*$/.test(expr.slice(re.lastIndex))) throw new Error(`cannot parse expression: ${expr}`);
  return tokens;
}

export type Expr = { names: string[]; evaluate: (m: Record<string, number>) => number | null };

/** Recursive descent: expr := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*. */
export function parseExpr(source: string): Expr {
  const tokens = tokenize(source);
  let i = 0;
  const names = new Set<string>();
  type Node = (m: Record<string, number>) => number | null;
  const factor = (): Node => {
    const t = tokens[i++];
    if (!t) throw new Error(`unexpected end of expression: ${source}`);
    if (t.kind === 'num') return () => t.value;
    if (t.kind === 'name') {
      names.add(t.value);
      return (m) => (m[t.value] === undefined ? 0 : (m[t.value] as number));
    }
    if (t.value === '(') {
      const inner = sum();
      if (tokens[i++]?.value !== ')') throw new Error(`missing ) in ${source}`);
      return inner;
    }
    throw new Error(`unexpected ${t.value} in ${source}`);
  };
  const term = (): Node => {
    let left = factor();
    while (tokens[i]?.value === '*' || tokens[i]?.value === '/') {
      const op = tokens[i++]?.value;
      const l = left;
      const r = factor();
      left = (m) => {
        const a = l(m);
        const b = r(m);
        if (a === null || b === null) return null;
        if (op === '*') return a * b;
        return b === 0 ? null : a / b;
      };
    }
    return left;
  };
  const sum = (): Node => {
    let left = term();
    while (tokens[i]?.value === '+' || tokens[i]?.value === '-') {
      const op = tokens[i++]?.value;
      const l = left;
      const r = term();
      left = (m) => {
        const a = l(m);
        const b = r(m);
        if (a === null || b === null) return null;
        return op === '+' ? a + b : a - b;
      };
    }
    return left;
  };
  const root = sum();
  if (i !== tokens.length) throw new Error(`trailing tokens in ${source}`);
  return { names: [...names], evaluate: root };
}
