import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContentChecker, type CheckTables, type Finding } from './content-check.ts';
import { MISSPELLINGS, RENAMED_ORGS, SENSITIVE_WORDS } from './defaults.ts';
import { findPersonalData, luhnValid } from '../../../core/validation/personal-data.ts';
import { traditionalCharacters } from './traditional.ts';

const TODAY = '2026-12-07';

// The office's table: 王建国 was 常务副市长 until 2025-06-30 and is 市长 since 2025-07-01; 李红 is 副市长.
const TABLES: CheckTables = {
  leaders: [
    { name: '王建国', title: '常务副市长', validFrom: '2021-01-01', validTo: '2025-06-30' },
    { name: '王建国', title: '市长', validFrom: '2025-07-01', validTo: null },
    { name: '李红', title: '副市长', validFrom: '2022-03-01', validTo: null },
    { name: '赵刚', title: '市委书记', validFrom: '2020-01-01', validTo: null },
  ],
  renamedOrgs: RENAMED_ORGS,
  misspellings: MISSPELLINGS,
  sensitive: SENSITIVE_WORDS,
};
const checker = new ContentChecker(TABLES);
const run = (text: string, today = TODAY) => checker.check([{ where: '正文', text }], today);
const kinds = (fs: Finding[]) => fs.map((f) => `${f.kind}:${f.found}`);

// GB 11643-1999 §8.2 worked by hand for 53230119800101123?: Σ digit×weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
// = 35+27+20+15+0+4+2+9+48+0+0+9+0+5+8+8+6 = 196; 196 mod 11 = 9 → check character "3".
const VALID_ID = '532301198001011233';
const BAD_ID = '532301198001011234'; // check character 4 ≠ 3 (and not a Luhn number either)
// ISO/IEC 7812 Luhn worked by hand for 6217001234567890122: digits in even places from the right
// 2+1+9+7+5+3+1+0+1+6 = 35; odd places doubled (digit sum) 4+0+7+3+8+4+0+5+4 = 35; 70 mod 10 = 0 → valid.
// Ending in 3 instead gives 71 → not a card number.
const CARD = '6217001234567890122';

test('a wrong title for a leader is a single-veto 严重表述错误, the right one passes', () => {
  assert.deepEqual(kinds(run('副市长王建国出席会议。')), ['leader_title:副市长王建国']);
  const [f] = run('会议由副市长王建国主持。');
  assert.equal(f!.severity, 'block');
  assert.equal(f!.suggestion, '王建国现任市长');
  assert.equal(f!.before, '会议由');
  assert.equal(f!.after, '主持。');
  assert.deepEqual(run('市长王建国、副市长李红出席会议。'), []);
  // A 副 in front of a title nobody in the table holds is still the wrong title; 原 names a former post.
  assert.deepEqual(kinds(run('副市长赵刚出席。')), ['leader_title:副市长赵刚']);
  assert.deepEqual(run('原常务副市长王建国出席。'), []);
  // Title after the name.
  assert.deepEqual(kinds(run('王建国副市长讲话。')), ['leader_title:王建国副市长']);
  // On a day when 王建国 was still 常务副市长 the old title was right and the new one wrong.
  assert.deepEqual(run('常务副市长王建国出席。', '2024-05-01'), []);
  assert.deepEqual(kinds(run('市长王建国出席。', '2024-05-01')), ['leader_title:市长王建国']);
});

test('a leader\'s name one character off after the title is flagged; a stranger\'s name is not', () => {
  assert.deepEqual(kinds(run('市长王建华出席会议。')), ['leader_name:市长王建华']);
  assert.equal(run('市长王建华出席会议。')[0]!.suggestion, '现任市长为王建国');
  assert.deepEqual(run('市长热线电话。'), []);
});

test('organisation names outdated by the 2018 reform, except 原…', () => {
  assert.deepEqual(kinds(run('请到市国土资源局办理。')), ['outdated_org:国土资源局']);
  assert.equal(run('请到市国土资源局办理。')[0]!.suggestion, '2019-03-31起应为“自然资源局”');
  assert.deepEqual(run('原市国土资源局的职责划入市自然资源局。'), []);
  // Before the reform the name was right.
  assert.deepEqual(run('请到市国土资源局办理。', '2017-06-01'), []);
});

test('易错词 with their fix, counted once per place', () => {
  const fs = run('工作人员应佩带工作证。\n来访人员佩带访客证。');
  assert.deepEqual(kinds(fs), ['misspelling:佩带']);
  assert.equal(fs[0]!.suggestion, '应为“佩戴”');
  assert.equal(fs[0]!.count, 2);
  assert.equal(fs[0]!.paragraph, 1);
  assert.equal(run('第一段。\n第二段要再接再励。')[0]!.paragraph, 2);
});

test('traditional characters in body text (国家通用语言文字法 第九条), not 规范字 like 乾坤', () => {
  const fs = run('中華人民共和國');
  assert.deepEqual(kinds(fs), ['traditional:華', 'traditional:國']);
  assert.equal(fs[1]!.suggestion, '应为“国”（第十七条所列情形除外）');
  assert.deepEqual(run('扭转乾坤，中华人民共和国。'), []);
  assert.equal(traditionalCharacters().get('們'), '们');
  assert.equal(traditionalCharacters().has('国'), false);
});

test('sensitive words from the editable list, with their level', () => {
  const fs = run('秘密★1年 本文件为内部资料');
  assert.deepEqual(kinds(fs), ['sensitive:秘密★', 'sensitive:内部资料']);
  assert.ok(fs.every((f) => f.severity === 'block'));
  const own = new ContentChecker({ ...TABLES, sensitive: [{ word: '测试词', level: 'warn', note: '示例' }] });
  assert.deepEqual(kinds(own.check([{ where: '标题', text: '含测试词的标题' }], TODAY)), ['sensitive:测试词']);
});

test('personal data: a 身份证号 with a valid check digit is flagged, a bad one is not; mobiles and Luhn cards', () => {
  const fs = run(`张三，身份证号${VALID_ID}，电话13908781234。`);
  assert.deepEqual(kinds(fs), ['resident_id:532301********1233', 'mobile:139****1234']);
  assert.equal(fs[0]!.severity, 'block');
  // The context never repeats a number in full.
  assert.ok(!fs[1]!.before.includes(VALID_ID));
  assert.deepEqual(run(`身份证号${BAD_ID}`), []);
  assert.deepEqual(kinds(run(`账号${CARD}`)), ['bank_card:***************0122']);
  assert.deepEqual(run('账号6217001234567890123'), []);
  assert.equal(luhnValid('79927398713'), true); // the textbook example
  assert.equal(luhnValid('79927398710'), false);
  assert.deepEqual(findPersonalData('文号2026000000000001', TODAY), []);
});

test('each place is checked on its own and named in the finding', () => {
  const fs = checker.check(
    [
      { where: '标题', text: '关于佩带工作证的通知' },
      { where: '附件“名单.xlsx”', text: `李四 ${VALID_ID}` },
    ],
    TODAY,
  );
  assert.deepEqual(
    fs.map((f) => `${f.where}|${f.kind}`),
    ['标题|misspelling', '附件“名单.xlsx”|resident_id'],
  );
});

test('clean government prose has no findings', () => {
  const text = '为深入贯彻落实党中央、国务院决策部署，市人民政府决定开展政务公开标准化规范化工作。市自然资源局、市生态环境局按职责分工负责。';
  assert.deepEqual(run(text), []);
});
