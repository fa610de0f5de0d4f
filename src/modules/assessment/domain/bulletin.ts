// The quarterly 通报 drafted from the scores (city plan 四(三) 督促检查、跟踪问效; 五(四) 通报表扬): 总体情况,
// 存在的主要问题 naming the units and what they lost points for, 下一步工作要求. The office edits the draft
// before it is issued. Pure.
import type { Period, UnitScore } from './scoring.ts';

export interface BulletinDraft {
  title: string;
  overview: string;
  problems: string;
  requirements: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
/** Names in a sentence: all of them up to `max`, otherwise the first ones and “等N个单位”. */
export function nameList(names: readonly string[], max = 8): string {
  return names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')}等${names.length}个单位`;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0$/, ''));

export function draftBulletin(cityName: string, period: Period, scores: readonly UnitScore[]): BulletinDraft {
  const title = `关于${cityName}${period.label}政务公开工作考核情况的通报`;
  if (!scores.length) return { title, overview: `${period.label}尚无考核结果。`, problems: '', requirements: '' };
  const n = scores.length;
  const avg = scores.reduce((a, s) => a + s.total, 0) / n;
  const top = scores.filter((s) => s.rank === 1);
  const lowest = Math.min(...scores.map((s) => s.total));
  const bottom = scores.filter((s) => s.total === lowest);
  const bands = [
    ['90分以上', scores.filter((s) => s.total >= 90).length],
    ['80至90分', scores.filter((s) => s.total >= 80 && s.total < 90).length],
    ['80分以下', scores.filter((s) => s.total < 80).length],
  ] as const;
  const overview = [
    `按照《中华人民共和国政府信息公开条例》第四十六条和本市政务公开工作考核办法，依据政务公开平台记录的主动公开、政策解读、依申请公开、互动交流、年度报告和网站监测等数据，对${n}个单位${period.label}的政务公开工作进行了考核。`,
    `全市平均得分${fmt(Math.round(avg * 100) / 100)}分。${nameList(top.map((s) => s.unitName), 5)}得分最高（${fmt(top[0]!.total)}分）；${nameList(bottom.map((s) => s.unitName), 5)}得分最低（${fmt(lowest)}分）。${bands.map(([b, c]) => `${b}的${c}个`).join('，')}。排名情况见附件1。`,
  ].join('\n');
  // Problems grouped by indicator: the units that lost points, with how many items.
  const byIndicator = new Map<string, { unit: string; lost: number; failed: number }[]>();
  for (const s of scores) {
    for (const i of s.indicators) {
      if (i.points >= i.weight) continue;
      const list = byIndicator.get(i.name) ?? [];
      list.push({ unit: s.unitName, lost: Math.round((i.weight - i.points) * 100) / 100, failed: i.failed });
      byIndicator.set(i.name, list);
    }
  }
  const groups = [...byIndicator.entries()].sort((a, b) => b[1].length - a[1].length);
  const problems = groups.length
    ? groups
        .map(([name, list], k) => {
          const units = nameList(
            list.sort((a, b) => b.lost - a.lost).map((u) => `${u.unit}（${u.failed ? `${u.failed}项问题，` : ''}失${fmt(u.lost)}分）`),
            10,
          );
          return `（${NUMERALS[k] ?? k + 1}）${name}方面。${list.length}个单位失分：${units}。`;
        })
        .join('\n') + '\n各单位失分明细见附件2。'
    : '本期各单位各项指标均得满分，未发现突出问题。';
  const requirements = [
    '（一）抓好问题整改。被通报的单位要对照附件2逐项整改，于通报印发之日起15个工作日内将整改情况报市政务公开办。',
    '（二）严格执行公开时限。信息形成或变更之日起20个工作日内及时公开，政策文件与解读材料同步起草、同步审签、同步发布。',
    '（三）依法按期答复。依申请公开和网民留言要在法定或承诺期限内答复，答复内容要规范、有针对性。',
    '（四）加强网站日常监测。各单位要每日检查所负责栏目，确保栏目及时更新、链接可用，杜绝单项否决问题。',
  ].join('\n');
  return { title, overview, problems, requirements };
}
