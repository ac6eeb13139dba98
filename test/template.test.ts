import { describe, expect, it } from 'vitest';
import { render, TemplateError } from '../workflows/template.ts';

const scope = {
  input: { text: 'hi there', n: 3, list: ['a', 'b'] },
  steps: { stats: { output: { words: 2, nested: { ok: true } } } },
};

describe('templates', () => {
  it('replaces a whole-string reference by the value itself, of any type', () => {
    expect(render('{{ input.n }}', scope)).toBe(3);
    expect(render('{{steps.stats.output.nested}}', scope)).toEqual({ ok: true });
    expect(render('{{ input.list[1] }}', scope)).toBe('b');
  });

  it('interpolates references inside longer strings as text', () => {
    expect(render('words: {{ steps.stats.output.words }} of "{{ input.text }}"', scope)).toBe(
      'words: 2 of "hi there"',
    );
    expect(render('{{ steps.stats.output.nested }}!', scope)).toBe('{"ok":true}!');
  });

  it('renders nested objects and arrays and leaves other values alone', () => {
    expect(render({ a: ['{{ input.n }}', 1, null, false] }, scope)).toEqual({
      a: [3, 1, null, false],
    });
  });

  it('names the reference that does not resolve', () => {
    expect(() => render('{{ steps.missing.output }}', scope)).toThrow(TemplateError);
    expect(() => render('{{ input.text.length }}', scope)).toThrow(
      /"input.text.length" does not resolve/,
    );
  });
});
