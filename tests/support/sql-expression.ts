/**
 * One spelling for a SQL expression from either engine's catalog (CHECKs,
 * defaults, index predicates), so tests/support/schema-catalogs.ts can compare
 * SQLite's with PostgreSQL's by meaning. The expression is parsed (the small
 * part of SQL the schemas use: literals, columns, calls, arithmetic,
 * comparisons, IS [NOT] NULL, IN, BETWEEN, GLOB, NOT, AND, OR) and printed back
 * with one bracket for each part, so grouping still counts while the spelling
 * does not:
 *
 * - PostgreSQL's casts (`'a'::text`) and extra brackets go;
 * - `x = ANY (ARRAY[a, b])` (how PostgreSQL prints IN) is `x IN (a, b)`, and IN
 *   with one value is `=` (PostgreSQL prints it so);
 * - `x BETWEEN a AND b` is `x >= a AND x <= b`, as PostgreSQL prints it;
 * - SQLite's `x GLOB 'p'` with no wildcard but brackets is `x ~ '^p$'`, the
 *   regular expression the PostgreSQL migration writes for it;
 * - words are lower case; string literals are kept as they are.
 */

type Node =
  | { kind: 'literal'; text: string }
  | { kind: 'column'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'operator'; operator: string; left: Node; right: Node }
  | { kind: 'logic'; operator: 'and' | 'or'; parts: Node[] }
  | { kind: 'not'; operand: Node }
  | { kind: 'null-test'; operand: Node; negated: boolean }
  | { kind: 'in'; operand: Node; values: Node[] };

const tokenPattern = /'(?:[^']|'')*'|::\s*[a-z_]+(?: [a-z_]+)*|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?|<=|>=|<>|!=|\|\||[=<>~+\-*/,()[\]]|\S/g;
const comparisons = new Set(['=', '<>', '!=', '<', '>', '<=', '>=', '~']);

class Parser {
  private position = 0;
  private readonly tokens: string[];

  constructor(private readonly source: string) {
    // Casts say nothing about meaning here: both sides hold the same values.
    this.tokens = (source.match(tokenPattern) ?? []).filter((token) => !token.startsWith('::'));
  }

  parse(): Node {
    const node = this.or();
    if (this.position < this.tokens.length) this.fail(`"${this.tokens[this.position]}" after the end`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.tokens[this.position + offset];
  }

  private isWord(word: string, offset = 0): boolean {
    return this.peek(offset)?.toLowerCase() === word;
  }

  private take(expected?: string): string {
    const token = this.tokens[this.position++];
    if (token === undefined || (expected !== undefined && token.toLowerCase() !== expected)) this.fail(expected ? `"${expected}"` : 'more');
    return token!;
  }

  private fail(what: string): never {
    throw new Error(`Could not read the SQL expression ${JSON.stringify(this.source)}: expected ${what} at token ${this.position}.`);
  }

  private logic(operator: 'and' | 'or', next: () => Node): Node {
    const parts = [next()];
    while (this.isWord(operator)) {
      this.take();
      parts.push(next());
    }
    if (parts.length === 1) return parts[0]!;
    return { kind: 'logic', operator, parts: parts.flatMap((part) => (part.kind === 'logic' && part.operator === operator ? part.parts : [part])) };
  }

  private or(): Node {
    return this.logic('or', () => this.and());
  }

  private and(): Node {
    return this.logic('and', () => this.not());
  }

  private not(): Node {
    if (!this.isWord('not')) return this.comparison();
    this.take();
    return { kind: 'not', operand: this.not() };
  }

  private list(close: string): Node[] {
    const values = [this.or()];
    while (this.peek() === ',') {
      this.take();
      values.push(this.or());
    }
    this.take(close);
    return values;
  }

  private inList(operand: Node, values: Node[]): Node {
    return values.length === 1 ? { kind: 'operator', operator: '=', left: operand, right: values[0]! } : { kind: 'in', operand, values };
  }

  private comparison(): Node {
    let left = this.additive();
    for (;;) {
      if (this.isWord('is')) {
        this.take();
        const negated = this.isWord('not');
        if (negated) this.take();
        this.take('null');
        left = { kind: 'null-test', operand: left, negated };
      } else if (this.isWord('in')) {
        this.take();
        this.take('(');
        left = this.inList(left, this.list(')'));
      } else if (this.isWord('between')) {
        this.take();
        const low = this.additive();
        this.take('and');
        const high = this.additive();
        left = { kind: 'logic', operator: 'and', parts: [{ kind: 'operator', operator: '>=', left, right: low }, { kind: 'operator', operator: '<=', left, right: high }] };
      } else if (this.isWord('glob')) {
        this.take();
        const pattern = this.take();
        if (!pattern.startsWith("'") || /[*?]/.test(pattern)) this.fail('a GLOB pattern without * or ?');
        left = { kind: 'operator', operator: '~', left, right: { kind: 'literal', text: `'^${pattern.slice(1, -1)}$'` } };
      } else if (comparisons.has(this.peek() ?? '')) {
        const operator = this.take();
        if (operator === '=' && this.isWord('any')) {
          this.take();
          this.take('(');
          this.take('array');
          this.take('[');
          const values = this.list(']');
          this.take(')');
          left = this.inList(left, values);
        } else {
          left = { kind: 'operator', operator: operator === '!=' ? '<>' : operator, left, right: this.additive() };
        }
      } else {
        return left;
      }
    }
  }

  private binary(operators: readonly string[], next: () => Node): Node {
    let left = next();
    while (operators.includes(this.peek() ?? '')) left = { kind: 'operator', operator: this.take(), left, right: next() };
    return left;
  }

  private additive(): Node {
    return this.binary(['+', '-', '||'], () => this.multiplicative());
  }

  private multiplicative(): Node {
    return this.binary(['*', '/'], () => this.primary());
  }

  private primary(): Node {
    const token = this.take();
    if (token === '(') {
      const inner = this.or();
      this.take(')');
      return inner;
    }
    if (token === '-' && /^\d/.test(this.peek() ?? '')) return { kind: 'literal', text: `-${this.take()}` };
    if (token.startsWith("'") || /^\d/.test(token)) return { kind: 'literal', text: token };
    if (!/^[A-Za-z_]/.test(token)) this.fail('a value or a column');
    if (this.peek() === '(') {
      this.take();
      if (this.peek() !== ')') return { kind: 'call', name: token.toLowerCase(), args: this.list(')') };
      this.take();
      return { kind: 'call', name: token.toLowerCase(), args: [] };
    }
    return { kind: 'column', name: token.toLowerCase() };
  }
}

function print(node: Node): string {
  switch (node.kind) {
    case 'literal':
      return node.text;
    case 'column':
      return node.name;
    case 'call':
      return `${node.name}(${node.args.map(print).join(', ')})`;
    case 'operator':
      return `${bracketed(node.left)} ${node.operator} ${bracketed(node.right)}`;
    case 'logic':
      return node.parts.map(bracketed).join(` ${node.operator} `);
    case 'not':
      return `not ${bracketed(node.operand)}`;
    case 'null-test':
      return `${bracketed(node.operand)} is ${node.negated ? 'not ' : ''}null`;
    case 'in':
      return `${bracketed(node.operand)} in (${node.values.map(print).join(', ')})`;
  }
}

function bracketed(node: Node): string {
  return node.kind === 'literal' || node.kind === 'column' || node.kind === 'call' ? print(node) : `(${print(node)})`;
}

/** The expression in the one spelling described above; a CHECK's own `CHECK (…)` wrapper is dropped. */
export function canonicalExpression(expression: string): string {
  return print(new Parser(expression.replace(/^\s*CHECK\s*/i, '')).parse());
}
