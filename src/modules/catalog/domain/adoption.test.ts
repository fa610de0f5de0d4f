import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adoptionRefusal, levelText, namesUnit } from './adoption.ts';

const town = { type: 'township', name: '楚雄市鹿城镇人民政府', shortName: '鹿城镇' };
const dept = { type: 'department', name: '楚雄市财政局', shortName: '市财政局' };
const both = { county: true, township: true };
const countyOnly = { county: true, township: false };
const townOnly = { county: false, township: true };

describe('adopting standard items by level', () => {
  const cases: [string, typeof town, { county: boolean; township: boolean }, string, boolean][] = [
    ['township, 县级 and 乡级', town, both, '各乡镇人民政府', true],
    ['township, 乡级 only', town, townOnly, '各乡镇人民政府', true],
    ['township, 县级 only', town, countyOnly, '楚雄市财政局', false],
    ['township, 县级 only, naming itself', town, countyOnly, '楚雄市财政局、鹿城镇', true],
    ['township, 县级 only, naming itself in full', town, countyOnly, '楚雄市鹿城镇人民政府', true],
    ['township, 县级 only, naming another township', town, countyOnly, '东瓜镇', false],
    ['department, 县级 only', dept, countyOnly, '楚雄市财政局', true],
    ['department, 乡级 only', dept, townOnly, '各乡镇人民政府', false],
    ['department, 乡级 only, naming itself', dept, townOnly, '市财政局', true],
  ];
  for (const [name, unit, level, publisher, allowed] of cases) {
    it(name, () => assert.equal(adoptionRefusal(unit, { level, publisherText: publisher }) === undefined, allowed));
  }

  it('says why, with the levels marked', () => {
    assert.equal(
      adoptionRefusal(town, { level: countyOnly, publisherText: '楚雄市财政局' }),
      '该事项的公开层级为县级，乡级未标记，乡镇（街道）不能采用；如本单位确应公开，请政务公开办在标准目录中标记乡级或在公开主体中写明本单位',
    );
    assert.equal(levelText(both), '县级、乡级');
    assert.equal(namesUnit('各乡镇人民政府', town), false);
  });
});
