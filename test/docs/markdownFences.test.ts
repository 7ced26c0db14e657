import { describe, expect, it } from 'vitest';
import { findFences } from '../../src/docs/markdownFences.js';

const lines = (text: string): string[] => text.split('\n');

describe('findFences', () => {
  it('finds kinkproof fences by the CommonMark rules, with their lines and bodies', () => {
    const text = 'a\n```kinkproof\nsum(X)\nshow: conclusion\n```\nb\n  ~~~~ kinkproof \n  sum(abs(X))\n   at: 1\n  ~~~~~\n';
    expect(findFences(lines(text))).toEqual({
      fences: [
        { line: 2, first: 1, end: 5, body: 'sum(X)\nshow: conclusion' },
        { line: 7, first: 6, end: 10, body: 'sum(abs(X))\n at: 1' },
      ],
      unclosed: null,
    });
  });

  it('skips other code blocks and what they show, needs a closing fence as long, and reports one left open', () => {
    expect(findFences(lines('````md\n```kinkproof\nsum(X)\n```\n````\n')).fences).toEqual([]);
    expect(findFences(lines('```js\nx\n```\n```kinkproof\nsum(X)\n```')).fences.map((f) => f.line)).toEqual([4]);
    expect(findFences(lines('````kinkproof\nsum(X)\n```\n````')).fences).toEqual([{ line: 1, first: 0, end: 4, body: 'sum(X)\n```' }]);
    expect(findFences(lines('    ```kinkproof\nsum(X)\n```')).fences).toEqual([]); // indented code, not a fence
    expect(findFences(lines('```kinkproof extra\nsum(X)\n```')).fences.map((f) => f.body)).toEqual(['sum(X)']); // meta after the language, as remark reads it
    expect(findFences(lines('x\n```kinkproof\nsum(X)')).unclosed).toBe(2);
  });
});
