import { z } from 'zod';

/*
 * Free text people type (names, titles, addresses, notes) ends up in e-mails, invoices, admin screens
 * and CSV exports. Control characters break those formats or hide content; the Unicode direction
 * controls U+202A–U+202E and U+2066–U+2069 reorder what a reader sees (a "Trojan Source" title or
 * address); a lone surrogate is not text at all and fails UTF-8 encoders downstream. The `u` flag
 * makes a surrogate pair one code point, so the surrogate range only matches a lone half: emoji and
 * every script stay accepted, as do the marks U+200E/U+200F that mixed-direction text needs.
 */
const REFUSED = String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff`;
/** Tab, line feed and carriage return (a textarea sends CRLF): kept only in multi-line text. */
const BREAKS = String.raw`\t\n\r`;

const pattern = (refused: string) => ({
  whole: new RegExp(`^[^${refused}]*$`, 'u'),
  char: new RegExp(`^[^${refused}]$`, 'u'),
});
const ONE_LINE = pattern(REFUSED + BREAKS);
const MULTI_LINE = pattern(REFUSED);

const kind = (point: number): string => {
  if (point === 0x09 || point === 0x0a || point === 0x0d)
    return 'a tab or line break (this field is one line)';
  if (point <= 0x9f) return 'a control character';
  if (point >= 0xd800 && point <= 0xdfff) return 'a lone surrogate';
  return 'a direction control';
};

/** Names the first refused character and where it is, so the 400 says what to remove. */
const describe = (text: string, char: RegExp): string => {
  const chars = [...text];
  const at = chars.findIndex((c) => !char.test(c));
  const point = chars[at]?.codePointAt(0) ?? 0;
  const hex = point.toString(16).toUpperCase().padStart(4, '0');
  return `Contains U+${hex}, ${kind(point)}, at character ${at + 1}: control characters, direction controls and lone surrogates are not accepted`;
};

const checked = (base: z.ZodString, { whole, char }: { whole: RegExp; char: RegExp }) =>
  base.regex(whole, {
    error: (issue) => (typeof issue.input === 'string' ? describe(issue.input, char) : undefined),
  });

/**
 * One line of free text (a name, a title, an address line, a reason): refuses control characters
 * (tab and line breaks too), direction controls and lone surrogates. Chain `.trim().min().max()` after,
 * or pass a string schema of your own to add the check to it.
 */
export const lineText = (base: z.ZodString = z.string()) => checked(base, ONE_LINE);

/** Multi-line free text (a description, a note): as `lineText`, but tab and line breaks are kept. */
export const multilineText = (base: z.ZodString = z.string()) => checked(base, MULTI_LINE);
