import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NATIONAL_DOMAINS, matchDomainName } from './domains.ts';

describe('NATIONAL_DOMAINS', () => {
  it('lists the 26 domains of the 2019 guidelines once each, numbered 1–26', () => {
    assert.equal(NATIONAL_DOMAINS.length, 26);
    assert.deepEqual(NATIONAL_DOMAINS.map((d) => d.no), Array.from({ length: 26 }, (_, i) => i + 1));
    assert.equal(new Set(NATIONAL_DOMAINS.map((d) => d.name)).size, 26);
    assert.equal(new Set(NATIONAL_DOMAINS.map((d) => d.slug)).size, 26);
    assert.equal(NATIONAL_DOMAINS[2]!.name, '财政预决算');
    assert.equal(NATIONAL_DOMAINS[11]!.name, '生态环境');
  });

  const cases: [string, string | undefined][] = [
    ['财政预决算', '财政预决算'],
    ['财政预决算领域', '财政预决算'],
    [' 生态 环境 ', '生态环境'],
    ['环境保护', '生态环境'],
    ['征地补偿领域', '农村集体土地征收'],
    ['涉农资金', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`matches 「${input}」 to ${expected ?? 'no national domain'}`, () => {
      assert.equal(matchDomainName(input), expected);
    });
  }
});
