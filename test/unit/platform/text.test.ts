import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '#platform/errors/index.ts';
import { parseInput } from '#platform/errors/parse-input.ts';
import { lineText, multilineText } from '#platform/text/schema.ts';

const refused = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['ESC (terminal escapes)', '\u001b[31m'],
  ['DEL', '\u007f'],
  ['NEL, a C1 control', '\u0085'],
  ['a vertical tab', '\u000b'],
  ['a form feed', '\u000c'],
  ['LRE', '\u202a'],
  ['RLE', '\u202b'],
  ['PDF', '\u202c'],
  ['LRO', '\u202d'],
  ['RLO', '\u202e'],
  ['LRI', '\u2066'],
  ['RLI', '\u2067'],
  ['FSI', '\u2068'],
  ['PDI', '\u2069'],
  ['a lone high surrogate', '\ud83d'],
  ['a lone low surrogate', '\ude00'],
  ['a surrogate pair in the wrong order', '\ude00\ud83d'],
] as const;

const accepted = [
  ['accents', 'Crème brûlée, Ærøskøbing, Łódź'],
  ['emoji, a ZWJ sequence and a flag', 'Gift 🎁 👩‍👩‍👧 🇩🇪'],
  ['right-to-left scripts', 'שלום עולם مرحبا'],
  ['CJK', '東京都千代田区'],
  ['the implicit direction marks', 'abc\u200e123\u200f'],
  ['a no-break space and an ellipsis', 'Size\u00a0M…'],
] as const;

describe('lineText', () => {
  it.each(refused)('refuses %s', (_, bad) => {
    expect(lineText().safeParse(`Mug${bad}Cup`).success).toBe(false);
  });

  it.each(['\n', '\r', '\t', '\r\n'])('refuses a line break or tab (%j) in one-line text', (bad) => {
    expect(lineText().safeParse(`Mug${bad}Cup`).success).toBe(false);
  });

  it.each(accepted)('accepts %s', (_, text) => {
    expect(lineText().parse(text)).toBe(text);
  });

  it('names the refused character, its kind and where it is', () => {
    const issue = lineText().safeParse('Ab\u202eCD').error?.issues[0];
    expect(issue?.message).toMatch(/^Contains U\+202E, a direction control, at character 3:/);
    expect(lineText().safeParse('😀\ud83d').error?.issues[0]?.message).toMatch(
      /^Contains U\+D83D, a lone surrogate, at character 2:/,
    );
    expect(lineText().safeParse('a\tb').error?.issues[0]?.message).toMatch(/U\+0009, a tab or line break/);
  });

  it('adds its check to a string schema of the caller', () => {
    const option = lineText(z.string().max(5));
    expect(option.safeParse('toolong').success).toBe(false);
    expect(option.safeParse('a\u0000').success).toBe(false);
    expect(option.parse('XL')).toBe('XL');
  });

  it('publishes the rule as a JSON Schema pattern', () => {
    const { pattern } = z.toJSONSchema(lineText()) as { pattern?: string };
    expect(pattern).toBeDefined();
  });
});

describe('multilineText', () => {
  it.each(refused)('refuses %s', (_, bad) => {
    expect(multilineText().safeParse(`Line one\n${bad}`).success).toBe(false);
  });

  it('keeps line feeds, CRLF and tabs', () => {
    const text = 'First line\r\nSecond line\n\tindented';
    expect(multilineText().parse(text)).toBe(text);
  });

  it.each(accepted)('accepts %s', (_, text) => {
    expect(multilineText().parse(`${text}\n${text}`)).toBe(`${text}\n${text}`);
  });
});

describe('free text through parseInput', () => {
  it('is a 400 validation_failed naming the field', () => {
    const body = z.strictObject({ title: lineText().trim().min(1) });
    let error: unknown;
    try {
      parseInput(body, { title: 'Evil\u202etxt.exe' }, 'body');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'validation_failed',
      errors: [{ path: 'body.title', message: expect.stringContaining('U+202E') }],
    });
  });
});
