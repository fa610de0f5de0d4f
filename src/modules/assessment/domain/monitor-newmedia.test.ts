// 新媒体不更新 (19号 政务新媒体 内容不更新): one single-veto finding per silent account, with its evidence.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { checkNewMedia } from './monitor.ts';

it('makes a single-veto finding of each silent account', () => {
  const f = checkNewMedia(
    [
      { name: '健康楚雄', platform: '微信公众号', unitName: '楚雄市卫生健康局', url: 'https://mp.weixin.example.cn/jiankangcx', lastOn: '2026-11-05', lastKnown: true, days: 21, threshold: 14 },
      { name: '东瓜发布', platform: '微信公众号', unitName: '东瓜镇', url: 'https://mp.weixin.example.cn/dgfabu', lastOn: '2026-11-01', lastKnown: false, days: 25, threshold: 14 },
    ],
    '2026-11-26T02:00:00.000Z',
  );
  assert.equal(f.length, 2);
  assert.deepEqual({ ...f[0]!, citation: undefined }, { rule: 'newmedia_stale', citation: undefined, veto: true, url: 'https://mp.weixin.example.cn/jiankangcx', seenAt: '2026-11-26T02:00:00.000Z', evidence: '楚雄市卫生健康局的政务新媒体“健康楚雄”（微信公众号）最近更新于 2026-11-05，已21天未更新（标准：14天）' });
  assert.match(f[0]!.citation, /国办秘函〔2019〕19号.*内容不更新/);
  assert.equal(f[1]!.evidence, '东瓜镇的政务新媒体“东瓜发布”（微信公众号）自 2026-11-01 开设以来没有更新记录，已25天未更新（标准：14天）');
  assert.deepEqual(checkNewMedia([], 'x'), []);
});
