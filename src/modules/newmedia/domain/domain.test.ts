// The pure rules of 政务新媒体: the registry's transition table, the review chain and the 14-day silence.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDecision, checkRequest, isAccountUrl, stateAfter, TRANSITIONS } from './accounts.ts';
import { afterReview, checkRelease, checkReview, checkSubmit, parseChain, type PostFacts } from './posts.ts';
import { daysSince, isSilent, lastActivity } from './silence.ts';

describe('account requests (开设/变更/关停/注销)', () => {
  const ok = { pending: false, mayRequest: true, notice: '' };
  it('allows each kind only from its states', () => {
    assert.deepEqual(checkRequest('open', { ...ok, state: 'proposed' }), []);
    assert.deepEqual(checkRequest('change', { ...ok, state: 'active' }), []);
    assert.deepEqual(checkRequest('change', { ...ok, state: 'closed' }), ['账号状态为“关停”，不能申请变更。']);
    assert.deepEqual(checkRequest('close', { ...ok, state: 'active', notice: '本账号将于2026年12月31日停止更新。' }), []);
    assert.deepEqual(checkRequest('close', { ...ok, state: 'active' }), ['申请关停须填写关停公告内容。']);
    assert.deepEqual(checkRequest('cancel', { ...ok, state: 'closed' }), []);
    assert.deepEqual(checkRequest('cancel', { ...ok, state: 'active' }), []);
    assert.deepEqual(checkRequest('cancel', { ...ok, state: 'cancelled' }), ['账号状态为“注销”，不能申请注销。']);
    assert.deepEqual(checkRequest('close', { pending: true, mayRequest: false, state: 'active', notice: 'x' }), ['只有主办单位的工作人员或政务公开办可以提出申请。', '该账号已有待审核的申请，请等待审核后再提出。']);
  });
  it('leads to the right state on approval and on refusal', () => {
    assert.equal(stateAfter('open', 'proposed', true), 'active');
    assert.equal(stateAfter('open', 'proposed', false), 'refused');
    assert.equal(stateAfter('change', 'active', true), 'active');
    assert.equal(stateAfter('close', 'active', true), 'closed');
    assert.equal(stateAfter('close', 'active', false), 'active');
    assert.equal(stateAfter('cancel', 'closed', true), 'cancelled');
    assert.equal(stateAfter('cancel', 'closed', false), 'closed');
    // No kind leaves 注销 or 未通过.
    for (const t of Object.values(TRANSITIONS)) assert.ok(!t.from.includes('cancelled') && !t.from.includes('refused'));
  });
  it('only the openness office decides, once, and a refusal says why', () => {
    const base = { isOffice: true, requestState: 'pending' as const, accountState: 'active' as const, kind: 'close' as const, approve: true, reason: '' };
    assert.deepEqual(checkDecision(base), []);
    assert.deepEqual(checkDecision({ ...base, isOffice: false }), ['只有政务公开办可以审核政务新媒体的开设、变更、关停和注销。']);
    assert.deepEqual(checkDecision({ ...base, requestState: 'approved' }), ['该申请已审核，不能重复审核。']);
    assert.deepEqual(checkDecision({ ...base, approve: false }), ['退回申请须说明理由。']);
    assert.deepEqual(checkDecision({ ...base, accountState: 'closed' }), ['账号状态已变化，该申请不能再通过，请退回。']);
  });
  it('takes only http(s) addresses for QR codes', () => {
    assert.equal(isAccountUrl('https://weibo.com/cxfb'), true);
    assert.equal(isAccountUrl('javascript:alert(1)'), false);
    assert.equal(isAccountUrl('https://a b'), false);
  });
});

describe('the review chain', () => {
  const post = (p: Partial<PostFacts>): PostFacts => ({ state: 'in_review', authorId: 1, chain: ['初审', '复审', '终审'], step: 0, approvals: [], ...p });
  const rev = { reviewerId: 2, mayReview: true, step: 0, approve: true, reason: '' };
  it('goes 初审 → 复审 → 终审 → 可发布, a return goes back to the author', () => {
    assert.deepEqual(afterReview(post({ step: 0 }), true), { state: 'in_review', step: 1 });
    assert.deepEqual(afterReview(post({ step: 1 }), true), { state: 'in_review', step: 2 });
    assert.deepEqual(afterReview(post({ step: 2 }), true), { state: 'ready', step: 3 });
    assert.deepEqual(afterReview(post({ step: 2 }), false), { state: 'returned', step: 0 });
    // A one-step chain set by the site.
    assert.deepEqual(afterReview(post({ chain: ['审核'], step: 0 }), true), { state: 'ready', step: 1 });
  });
  it('refuses the author, a second step by the same person, a stale step and a return without reason', () => {
    assert.deepEqual(checkReview(post({}), rev), []);
    assert.deepEqual(checkReview(post({}), { ...rev, reviewerId: 1 }), ['不能审核自己撰写的稿件。']);
    assert.deepEqual(checkReview(post({ step: 1, approvals: [{ step: 0, reviewerId: 2 }] }), { ...rev, step: 1 }), ['同一人不能审核同一稿件的两个环节。']);
    assert.deepEqual(checkReview(post({ step: 1 }), rev), ['该审核环节已由他人处理，请刷新页面。']);
    assert.deepEqual(checkReview(post({}), { ...rev, approve: false }), ['退回稿件须说明理由。']);
    assert.deepEqual(checkReview(post({ state: 'ready' }), rev), ['稿件状态为“可发布”，不在审核中。']);
    assert.deepEqual(checkReview(post({}), { ...rev, mayReview: false }), ['您不是该账号的审核人员。']);
  });
  it('submits drafts and returned posts of an account in operation only', () => {
    assert.deepEqual(checkSubmit(post({ state: 'draft' }), { mayWrite: true, accountActive: true }), []);
    assert.deepEqual(checkSubmit(post({ state: 'returned' }), { mayWrite: true, accountActive: true }), []);
    assert.deepEqual(checkSubmit(post({ state: 'in_review' }), { mayWrite: true, accountActive: false }), ['稿件状态为“审核中”，不能修改。', '账号不在运营状态，不能提交稿件。']);
  });
  it('records a release after approval only, not in the future nor before 终审', () => {
    const now = new Date('2026-11-26T02:00:00Z');
    const approvedAt = new Date('2026-11-25T02:00:00Z');
    assert.deepEqual(checkRelease(post({ state: 'ready' }), { mayWrite: true, releasedAt: new Date('2026-11-25T08:00:00Z'), now, approvedAt }), []);
    assert.deepEqual(checkRelease(post({ state: 'ready' }), { mayWrite: true, releasedAt: new Date('2026-11-26T03:00:00Z'), now, approvedAt }), ['发布时间不能晚于现在。']);
    assert.deepEqual(checkRelease(post({ state: 'ready' }), { mayWrite: true, releasedAt: new Date('2026-11-24T08:00:00Z'), now, approvedAt }), ['发布时间不能早于终审通过的时间（先审后发）。']);
    assert.deepEqual(checkRelease(post({ state: 'in_review' }), { mayWrite: true, releasedAt: now, now, approvedAt: null }), ['稿件须审核通过（可发布）后才能登记发布。']);
  });
  it('reads a chain typed one step per line', () => {
    assert.deepEqual(parseChain('初审\n 复审 \n\n终审'), { chain: ['初审', '复审', '终审'] });
    assert.deepEqual(parseChain(' \n'), { error: '请至少填写一个审核环节' });
    assert.deepEqual(parseChain('a\nb\nc\nd\ne\nf'), { error: '审核环节不能超过5个' });
    assert.deepEqual(parseChain('初审\n初审'), { error: '审核环节的名称不能重复' });
  });
});

describe('14-day silence (19号 内容不更新)', () => {
  const a = { id: 1, openedOn: '2020-03-01', lastReleasedOn: null, lastRecordedOn: null };
  it('takes the latest of released posts and recorded updates', () => {
    assert.deepEqual(lastActivity({ ...a, lastReleasedOn: '2026-11-10', lastRecordedOn: '2026-11-14' }), { on: '2026-11-14', known: true });
    assert.deepEqual(lastActivity(a), { on: '2020-03-01', known: false });
  });
  it('on 2026-11-26 with 14 days: an update on 11-13 is fresh, on 11-12 it is silent', () => {
    // 2026-11-26 − 14 days = 2026-11-12: an update on that day is not within the two weeks.
    assert.equal(isSilent({ ...a, lastReleasedOn: '2026-11-13' }, '2026-11-26', 14), false);
    assert.equal(isSilent({ ...a, lastReleasedOn: '2026-11-12' }, '2026-11-26', 14), true);
    assert.equal(isSilent({ ...a, lastRecordedOn: '2026-11-20', lastReleasedOn: '2026-10-01' }, '2026-11-26', 14), false);
    // Across a month end: 2026-12-03 − 14 = 2026-11-19.
    assert.equal(isSilent({ ...a, lastRecordedOn: '2026-11-19' }, '2026-12-03', 14), true);
    assert.equal(isSilent({ ...a, lastRecordedOn: '2026-11-20' }, '2026-12-03', 14), false);
    // A site setting of 7 days.
    assert.equal(isSilent({ ...a, lastRecordedOn: '2026-11-20' }, '2026-11-26', 7), false);
    assert.equal(isSilent({ ...a, lastRecordedOn: '2026-11-19' }, '2026-11-26', 7), true);
  });
  it('gives a new account its first period; counts days since', () => {
    assert.equal(isSilent({ ...a, openedOn: '2026-11-20' }, '2026-11-26', 14), false);
    assert.equal(isSilent({ ...a, openedOn: '2026-11-01' }, '2026-11-26', 14), true);
    assert.equal(daysSince('2026-11-01', '2026-11-26'), 25);
  });
});
