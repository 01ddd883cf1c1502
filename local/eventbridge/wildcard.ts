import { PatternSyntaxError } from './errors.ts';

const utf8 = new TextEncoder();
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * event-ruler reports positions as UTF-8 byte offsets into the quoted value (`"a**"` fails at pos 2),
 * so the messages here count the same way.
 */
const bytePosition = (text: string, index: number): number => utf8.encode(text.slice(0, index)).length + 1;

/**
 * Compiles a `wildcard` value to an anchored regular expression. `*` matches any run of characters,
 * including none; `\*` is a literal asterisk and `\\` a literal backslash. Consecutive wildcards and
 * any other escape are rejected, as EventBridge rejects them.
 */
export const compileWildcard = (pattern: string): RegExp => {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        throw new PatternSyntaxError(`Consecutive wildcard characters at pos ${bytePosition(pattern, i)}`);
      }
      source += '[\\s\\S]*';
    } else if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') {
        throw new PatternSyntaxError(`Invalid escape character at pos ${bytePosition(pattern, i)}`);
      }
      source += `\\${next}`;
      i++;
    } else {
      source += (char ?? '').replace(REGEX_SPECIAL, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
};

/** A string test for one wildcard value. */
export const wildcardTest = (pattern: string): ((value: string) => boolean) => {
  const regex = compileWildcard(pattern);
  return (value) => regex.test(value);
};
