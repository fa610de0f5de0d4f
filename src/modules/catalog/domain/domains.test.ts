import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NATIONAL_DOMAINS, checkLocalDomainName, localDomainSlug, matchDomainName } from './domains.ts';

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

describe('local domains', () => {
  const existing = NATIONAL_DOMAINS.map((d) => d.name);
  it('accepts a new name, trimmed and without 领域', () => {
    assert.deepEqual(checkLocalDomainName(' 涉农资金 领域', existing), { ok: true, name: '涉农资金' });
  });
  it('refuses empty, long, odd, existing and alias names with a message', () => {
    assert.deepEqual(checkLocalDomainName('  ', existing), { ok: false, message: '请填写领域名称' });
    assert.deepEqual(checkLocalDomainName('农'.repeat(21), existing), { ok: false, message: '领域名称不能超过20个字' });
    assert.deepEqual(checkLocalDomainName('涉农<资金>', existing), { ok: false, message: '领域名称只能包含汉字、字母、数字和括号' });
    assert.deepEqual(checkLocalDomainName('财政预决算', existing), { ok: false, message: '已有「财政预决算」领域' });
    assert.deepEqual(checkLocalDomainName('环境保护领域', existing), { ok: false, message: '「环境保护」是全国领域「生态环境」的旧称，请直接使用「生态环境」领域' });
  });
  it('numbers local slugs', () => {
    assert.equal(localDomainSlug(['health']), 'local-1');
    assert.equal(localDomainSlug(['local-1', 'local-2']), 'local-3');
  });
});
