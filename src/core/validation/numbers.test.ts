import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asciiDigits, parseWholeNumber } from './numbers.ts';

describe('numbers typed with a Chinese input method', () => {
  const cases: [string, number | null][] = [
    ['20', 20],
    ['２０', 20],
    ['　１５ ', 15],
    ['1２', 12],
    ['', null],
    ['二十', null],
    ['1.5', null],
    ['-3', null],
    ['1234', null], // more than 3 digits
  ];
  for (const [input, expected] of cases) it(JSON.stringify(input), () => assert.equal(parseWholeNumber(input, 3), expected));
  it('signs and points', () => assert.equal(asciiDigits('－１２．５'), '-12.5'));
});
