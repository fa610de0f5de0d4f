// 发布会/访谈 phases and the question window with fixed clocks, worked out by hand in Beijing time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPublish, eventPhase, questionsOpen } from './events.ts';

const bj = (s: string) => new Date(`${s}+08:00`);
const interview = { kind: 'interview' as const, state: 'announced' as const, startsAt: bj('2026-12-10T15:00'), durationMinutes: 90 };

describe('events', () => {
  it('an 在线访谈 at 15:00 for 90 minutes takes questions until 16:30, not after', () => {
    assert.equal(eventPhase(interview, bj('2026-12-01T09:00')), 'upcoming');
    assert.equal(questionsOpen(interview, bj('2026-12-01T09:00')), true);
    assert.equal(eventPhase(interview, bj('2026-12-10T16:29')), 'live');
    assert.equal(questionsOpen(interview, bj('2026-12-10T16:29')), true);
    assert.equal(eventPhase(interview, bj('2026-12-10T16:30')), 'ended');
    assert.equal(questionsOpen(interview, bj('2026-12-10T16:30')), false);
    assert.equal(questionsOpen({ ...interview, state: 'published' }, bj('2026-12-01T09:00')), false);
  });
  it('a 新闻发布会 never takes questions from the public form', () => {
    assert.equal(questionsOpen({ ...interview, kind: 'press' }, bj('2026-12-01T09:00')), false);
  });
  it('the record is published after the start and with a transcript', () => {
    assert.deepEqual(checkPublish(interview, '', bj('2026-12-10T14:00')), ['活动尚未开始，不能发布实录。', '发布实录须填写文字实录。']);
    assert.deepEqual(checkPublish(interview, '主持人：各位网友好。', bj('2026-12-10T16:00')), []);
  });
});
