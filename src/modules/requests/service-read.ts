// Read models of 依申请公开 for pages and the API: the request page (masked), the applicant's public
// view (no personal data), lists, dashboards, same-information requests. No state changes here
// (revealPersonalData, which writes an audit row, is in service.ts).
import { requestCalendar } from './calendar.ts';
import type { Core } from '../../core/services.ts';
import type { CurrentUser } from '../../core/ui/context.ts';
import { shanghaiToday } from '../../core/clock.ts';
import { computeClock, dueStatus, publicSteps, DUE_SOON_WORKING_DAYS, type ClockResult, type DueStatus } from './domain/clock.ts';
import { availableActions, OPEN_STATES, STATE_LABELS, type Action, type Party, type RequestState } from './domain/states.ts';
import { maskApplicant, applicantColumn, APPLICANT_COLUMN_LABELS, type ApplicantColumn, type ApplicantKind, type OrgSubtype } from './domain/applicant.ts';
import { outcomeLabel, type OutcomeCode } from './domain/outcomes.ts';
import { similarity, SIMILAR_THRESHOLD } from './domain/similarity.ts';
import { workdayIndex } from './domain/workdays.ts';
import { canViewRequest, clockOptions, partiesOf, verifyApplicant } from './service.ts';
import {
  annualRows,
  annualGroups,
  annualCellRows,
  annualFees,
  type AnnualRow,
  countsByUnit,
  unitAndDescendants,
  findClarification,
  findFeeNotice,
  findRequestById,
  findUnitBrief,
  listAttachments,
  listConsultations,
  listEventRows,
  listExtensions,
  listLetters,
  listRequestRows,
  listTransitions,
  listUnitStaff,
  recentRequestsOfUnit,
  requestsWithSameInfo,
  sameInfoGroups,
  statisticsSource,
  type AttachmentRow,
  type ClarificationRow,
  type ConsultationRow,
  type EventRow,
  type ExtensionRow,
  type FeeNoticeRow,
  type LetterRow,
  type RequestRow,
  type StaffBrief,
  type TransitionRow,
  type UnitCounts,
} from './data/repository.ts';

/** A request row with the applicant's personal data masked (lists, exports, pages before "reveal"). */
export type MaskedRequest = RequestRow & { masked: true };

export function maskRow(row: RequestRow): MaskedRequest {
  const m = maskApplicant({
    applicantKind: row.applicantKind,
    name: row.applicantName,
    contactPerson: row.contactPerson,
    idNumber: row.idNumber,
    phone: row.phone,
    email: row.email,
    address: row.address,
  });
  return {
    ...row,
    applicantName: m.name,
    contactPerson: m.contactPerson,
    idNumber: m.idNumber,
    phone: m.phone,
    email: m.email,
    address: m.address,
    postcode: row.postcode ? '******' : '',
    lookupHash: '',
    idempotencyKey: null,
    applicantKey: '',
    masked: true,
  };
}

export interface RequestView {
  request: MaskedRequest;
  unitName: string;
  handlerName: string | null;
  stateLabel: string;
  clock: ClockResult;
  due: { status: DueStatus; workingDaysLeft: number | null; overdueWorkingDays: number | null };
  ledger: EventRow[];
  transitions: TransitionRow[];
  clarification: ClarificationRow | null;
  consultations: ConsultationRow[];
  extensions: ExtensionRow[];
  fee: FeeNoticeRow | null;
  letters: LetterRow[];
  attachments: AttachmentRow[];
  parties: Party[];
  /** Buttons to show (state and role); the verbs re-check preconditions with reasons. */
  actions: Action[];
  /** Whether this viewer may reveal the full identity number and phone (handler, unit admin). */
  canReveal: boolean;
  /** Staff of the unit who may be chosen as handler. */
  handlerChoices: StaffBrief[];
  outcomeLabel: string | null;
}

/** The staff request page: everything but unmasked personal data. null when not visible to the user. */
export async function loadRequestForStaff(core: Core, user: CurrentUser, requestId: number): Promise<RequestView | null> {
  if (!Number.isSafeInteger(requestId) || requestId <= 0) return null;
  const row = await findRequestById(core.db, requestId);
  if (!row || !canViewRequest(user, row)) return null;
  const cal = await requestCalendar(core);
  const opts = await clockOptions(core.db, row.rootUnitId);
  const [ledger, transitions, clarification, consultations, extensions, fee, letters, attachments, unit, staff] = await Promise.all([
    listEventRows(core.db, row.id),
    listTransitions(core.db, row.id),
    findClarification(core.db, row.id),
    listConsultations(core.db, row.id),
    listExtensions(core.db, row.id),
    findFeeNotice(core.db, row.id),
    listLetters(core.db, row.id),
    listAttachments(core.db, row.id),
    findUnitBrief(core.db, row.unitId),
    listUnitStaff(core.db, row.unitId),
  ]);
  const clock = computeClock(
    ledger.map((e) => e.event),
    cal,
    opts,
  );
  const actor = { kind: 'staff' as const, user, audit: { id: user.id, name: user.displayName, unitId: user.unitId, ip: '', requestId: '' } };
  const parties = partiesOf(actor, row);
  return {
    request: maskRow(row),
    unitName: unit?.name ?? '',
    handlerName: row.handlerId ? (staff.find((s) => s.id === row.handlerId)?.displayName ?? '（已离开本单位）') : null,
    stateLabel: STATE_LABELS[row.state],
    clock,
    due: dueStatus(clock, shanghaiToday(core.clock.now()), cal),
    ledger,
    transitions,
    clarification: clarification ?? null,
    consultations,
    extensions,
    fee: fee ?? null,
    letters,
    attachments,
    parties: [...parties],
    actions: availableActions(row.state, parties, { clarificationSent: !!clarification, feeNoticeSent: !!fee, extensionApproved: extensions.some((e) => e.status === 'approved') }),
    canReveal: parties.has('handler') || parties.has('unit_admin'),
    handlerChoices: staff,
    outcomeLabel: row.outcome ? outcomeLabel(row.outcome) : null,
  };
}

export interface PublicRequestView {
  requestNo: string;
  unitName: string;
  state: RequestState;
  stateLabel: string;
  submittedOn: string | null;
  receivedOn: string | null;
  dueOn: string | null;
  /** The due date counts days of a year whose holidays are not entered yet (暂定). */
  dueProvisional: boolean;
  clockSummary: string;
  steps: { on: string; label: string; effect: string; dueOn: string | null }[];
  outcomeLabel: string | null;
  repliedOn: string | null;
  /** Letters that were sent (title, date); the files themselves via readAttachment. */
  letters: { id: number; title: string; sentOn: string | null; attachmentId: number | null }[];
  clarification: { items: string; correctBy: string } | null;
  /** Whether the applicant may still withdraw or send a correction online. */
  canWithdraw: boolean;
  canCorrect: boolean;
}

/** The applicant's view after 受理编号 + lookup code: no personal data, no third-party names. */
export async function publicLookup(core: Core, rootUnitId: number, requestNo: string, lookupCode: string): Promise<PublicRequestView | null> {
  const row = await verifyApplicant(core, rootUnitId, requestNo, lookupCode);
  if (!row) return null;
  return publicView(core, row);
}

export async function publicView(core: Core, row: RequestRow): Promise<PublicRequestView> {
  const cal = await requestCalendar(core);
  const [events, unit, letters, clar] = await Promise.all([listEventRows(core.db, row.id), findUnitBrief(core.db, row.unitId), listLetters(core.db, row.id), findClarification(core.db, row.id)]);
  const clock = computeClock(
    events.map((e) => e.event),
    cal,
    await clockOptions(core.db, row.rootUnitId),
  );
  return {
    requestNo: row.requestNo,
    unitName: unit?.name ?? '',
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    submittedOn: row.receiptFacts.submittedOn ?? null,
    receivedOn: row.receivedOn,
    dueOn: clock.dueOn,
    dueProvisional: clock.dueProvisional,
    clockSummary: clock.summary,
    steps: publicSteps(clock),
    outcomeLabel: row.outcome ? outcomeLabel(row.outcome) : null,
    repliedOn: row.repliedOn,
    letters: letters.filter((l) => l.sentOn).map((l) => ({ id: l.id, title: l.title, sentOn: l.sentOn, attachmentId: l.attachmentId })),
    clarification: clar && !clar.correctedOn && row.state === 'awaiting_correction' ? { items: clar.items, correctBy: clar.correctBy } : null,
    canWithdraw: (OPEN_STATES as readonly string[]).includes(row.state),
    canCorrect: row.state === 'awaiting_correction',
  };
}

// ----- lists and dashboards -----

export interface ListInput {
  unitId?: number;
  /** 'mine': the user's own requests as handler. */
  handler?: 'mine';
  states?: RequestState[];
  due?: 'due_soon' | 'overdue';
  q?: string;
  page?: number;
  pageSize?: number;
}

/** Unit ids a user's lists cover: their unit, or every unit of the city for city-wide roles. */
function scopeUnitIds(user: CurrentUser, unitId: number | undefined): number[] | undefined {
  const cityWide = user.roles.some((r) => r === 'openness_office' || r === 'openness_head' || r === 'auditor');
  if (cityWide) return unitId ? [unitId] : undefined;
  return unitId && unitId !== user.unitId ? [] : [user.unitId];
}

/** A page of requests (masked), ordered by due date. */
export async function listRequests(core: Core, user: CurrentUser, input: ListInput): Promise<{ rows: (MaskedRequest & { stateLabel: string; due: DueStatus })[]; total: number; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(Number(input.pageSize) || 20, 1), 100);
  const page = Math.max(Number(input.page) || 1, 1);
  const t = shanghaiToday(core.clock.now());
  const cal = await requestCalendar(core);
  const idx = workdayIndex(cal);
  const dueFilter =
    input.due === 'overdue'
      ? { dueTo: prevDay(t), states: [...OPEN_STATES], clockStatus: 'running' }
      : input.due === 'due_soon'
        ? { dueFrom: t, dueTo: idx.add(t, DUE_SOON_WORKING_DAYS), states: [...OPEN_STATES], clockStatus: 'running' }
        : {};
  const { rows, total } = await listRequestRows(core.db, {
    rootUnitId: user.rootUnitId,
    unitIds: scopeUnitIds(user, input.unitId),
    handlerId: input.handler === 'mine' ? user.id : undefined,
    states: input.states,
    q: input.q?.trim() || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...dueFilter,
  });
  return {
    rows: rows.map((r) => ({ ...maskRow(r), stateLabel: STATE_LABELS[r.state], due: dueStatus({ status: r.clockStatus as ClockResult['status'], dueOn: r.dueOn }, t, cal).status })),
    total,
    page,
    pageSize,
  };
}

function prevDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`).getTime() - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export interface Dashboard {
  today: string;
  /** Due on or before this date counts as due soon (3 working days). */
  dueSoonTo: string;
  totals: Omit<UnitCounts, 'unitId'>;
  byUnit: (UnitCounts & { unitName: string })[];
}

/** Counts for the handler / unit admin / openness office dashboards (one grouped query). */
export async function dashboard(core: Core, user: CurrentUser, opts: { unitId?: number } = {}): Promise<Dashboard> {
  const t = shanghaiToday(core.clock.now());
  const cal = await requestCalendar(core);
  const dueSoonTo = workdayIndex(cal).add(t, DUE_SOON_WORKING_DAYS);
  const counts = await countsByUnit(core.db, user.rootUnitId, OPEN_STATES, t, dueSoonTo, scopeUnitIds(user, opts.unitId));
  const names = new Map<number, string>();
  for (const c of counts) names.set(c.unitId, (await findUnitBrief(core.db, c.unitId))?.name ?? '');
  const totals = counts.reduce((s, c) => ({ open: s.open + c.open, dueSoon: s.dueSoon + c.dueSoon, overdue: s.overdue + c.overdue, awaitingCorrection: s.awaitingCorrection + c.awaitingCorrection, paused: s.paused + c.paused }), {
    open: 0,
    dueSoon: 0,
    overdue: 0,
    awaitingCorrection: 0,
    paused: 0,
  });
  return { today: t, dueSoonTo, totals, byUnit: counts.map((c) => ({ ...c, unitName: names.get(c.unitId) ?? '' })).sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.unitName.localeCompare(b.unitName, 'zh')) };
}

// ----- same information (第四十四条) -----

export interface SimilarRequest {
  id: number;
  requestNo: string;
  unitId: number;
  state: RequestState;
  stateLabel: string;
  outcomeLabel: string | null;
  receivedOn: string | null;
  /** Why it matched: same 文号, same normalised description, or similar description (score). */
  match: 'doc_no' | 'description' | 'similar';
  score: number;
  /** Asked by another applicant than the request compared with. */
  otherApplicant: boolean;
}

/** Requests for the same or similar information, across applicants; ≥ 2 applicants → 主动公开 candidate. */
export async function findSimilarRequests(core: Core, user: CurrentUser, requestId: number): Promise<{ similar: SimilarRequest[]; applicants: number; proactiveCandidate: boolean } | null> {
  const row = await findRequestById(core.db, requestId);
  if (!row || !canViewRequest(user, row)) return null;
  const same = await requestsWithSameInfo(core.db, row.rootUnitId, row.infoKey, row.docNoKey, row.id);
  const byId = new Map<number, SimilarRequest>();
  for (const r of same) {
    byId.set(r.id, {
      id: r.id,
      requestNo: r.requestNo,
      unitId: r.unitId,
      state: r.state,
      stateLabel: STATE_LABELS[r.state],
      outcomeLabel: r.outcome ? outcomeLabel(r.outcome) : null,
      receivedOn: r.receivedOn,
      match: row.docNoKey && r.docNoKey === row.docNoKey ? 'doc_no' : 'description',
      score: 1,
      otherApplicant: r.applicantKey !== row.applicantKey,
    });
  }
  // Similar wording in the same unit over the last two years (in-process bigram score).
  const since = `${Number((row.receivedOn ?? shanghaiToday(core.clock.now())).slice(0, 4)) - 2}-01-01`;
  for (const r of await recentRequestsOfUnit(core.db, row.unitId, since, row.id)) {
    if (byId.has(r.id)) continue;
    const score = similarity(row.infoDescription, r.infoDescription);
    if (score >= SIMILAR_THRESHOLD) {
      byId.set(r.id, {
        id: r.id,
        requestNo: r.requestNo,
        unitId: r.unitId,
        state: r.state,
        stateLabel: STATE_LABELS[r.state],
        outcomeLabel: r.outcome ? outcomeLabel(r.outcome as OutcomeCode) : null,
        receivedOn: r.receivedOn,
        match: 'similar',
        score: Math.round(score * 100) / 100,
        otherApplicant: r.applicantKey !== row.applicantKey,
      });
    }
  }
  const similar = [...byId.values()].sort((a, b) => b.score - a.score || b.id - a.id);
  const otherKeys = new Set([...same.filter((r) => r.applicantKey !== row.applicantKey).map((r) => r.applicantKey)]);
  const applicants = 1 + otherKeys.size + similar.filter((s) => s.match === 'similar' && s.otherApplicant).length;
  return { similar, applicants, proactiveCandidate: applicants >= 2 };
}

/** Groups of requests for the same information by ≥ minApplicants applicants (主动公开 candidates). */
export async function proactiveCandidates(core: Core, rootUnitId: number, opts: { minApplicants?: number } = {}) {
  const groups = await sameInfoGroups(core.db, rootUnitId, opts.minApplicants ?? 2);
  const out = [];
  for (const g of groups) {
    const first = await findRequestById(core.db, g.requestIds[0]!);
    out.push({ ...g, example: first ? { requestNo: first.requestNo, infoDescription: first.infoDescription, infoDocNo: first.infoDocNo, unitId: first.unitId } : null });
  }
  return out;
}

/** Rows for domain/public-statistics.ts (no personal data). */
export async function statisticsRows(core: Core, rootUnitId: number) {
  return statisticsSource(core.db, rootUnitId);
}

// ----- annual report (exported through index.ts) -----

export interface AnnualReportRequest {
  requestNo: string;
  unitId: number;
  /** The annual report's applicant column. */
  applicantColumn: ApplicantColumn;
  applicantColumnLabel: string;
  receivedOn: string;
  /** true: received before the year and still open on 1 January (二、上年结转). */
  carriedOver: boolean;
  /** The day it ended within the year, or null (→ 四、结转下年度继续办理). */
  closedOn: string | null;
  /** The outcome category (table 三, 三、本年度办理结果) when closed within the year. */
  outcome: OutcomeCode | null;
  carriedForward: boolean;
}

/**
 * For the annual report (国办公开办函〔2021〕30号 table 三): every request of the unit (optionally with
 * its sub-units) that was open at some point of the year, with its applicant column, receipt date,
 * whether it was carried over from last year, and, if it ended within the year, the day and the
 * outcome category; otherwise it is carried forward. Online requests never confirmed (no 收到申请之日)
 * are not counted.
 */
export async function annualReportRequests(db: Core['db'], input: { unitId: number; includeSubUnits?: boolean; year: number }): Promise<AnnualReportRequest[]> {
  const { start, end } = annualYear(input.year);
  const unitIds = input.includeSubUnits ? await unitAndDescendants(db, input.unitId) : [input.unitId];
  return (await annualRows(db, unitIds, start, end)).map((r) => annualRequestOf(r, start, end));
}

function annualYear(year: number): { start: string; end: string } {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`年份不正确：${String(year)}`);
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

function annualRequestOf(r: AnnualRow, start: string, end: string): AnnualReportRequest {
  const closedInYear = r.closedOn !== null && r.closedOn >= start && r.closedOn <= end;
  const column = applicantColumn(r.applicantKind as ApplicantKind, r.orgSubtype as OrgSubtype | null);
  return {
    requestNo: r.requestNo,
    unitId: r.unitId,
    applicantColumn: column,
    applicantColumnLabel: APPLICANT_COLUMN_LABELS[column],
    receivedOn: r.receivedOn,
    carriedOver: r.receivedOn < start,
    closedOn: closedInYear ? r.closedOn : null,
    outcome: closedInYear ? (r.outcome as OutcomeCode | null) : null,
    carriedForward: !closedInYear,
  };
}

/** Requests of the year with the same applicant column, placement and outcome, counted together. */
export interface AnnualReportRequestGroup {
  unitId: number;
  applicantColumn: ApplicantColumn;
  carriedOver: boolean;
  /** false: still open on 31 December (carried forward). */
  closedInYear: boolean;
  outcome: OutcomeCode | null;
  count: number;
}

/**
 * The same selection as annualReportRequests, counted in SQL (a unit with 100,000 requests a year):
 * groups of identical placement, plus, one by one, the requests the report will list as data issues
 * (closed before received; closed within the year without an outcome).
 */
export async function annualReportRequestCounts(db: Core['db'], input: { unitIds: number[]; year: number }): Promise<{ groups: AnnualReportRequestGroup[]; exceptions: AnnualReportRequest[] }> {
  const { start, end } = annualYear(input.year);
  const { groups, exceptions } = await annualGroups(db, input.unitIds, start, end);
  return {
    groups: groups.map((g) => ({
      unitId: g.unitId,
      applicantColumn: applicantColumn(g.applicantKind as ApplicantKind, g.orgSubtype as OrgSubtype | null),
      carriedOver: g.carried,
      closedInYear: g.closedInYear,
      outcome: g.outcome as OutcomeCode | null,
      count: g.n,
    })),
    exceptions: exceptions.map((r) => annualRequestOf(r, start, end)),
  };
}

/** A cell of table 三: which requests it counts. */
export interface AnnualReportCell {
  /** new: received in the year; carried: received before; forward: open on 31 Dec; closed: every outcome row; or one outcome. */
  placement: 'new' | 'carried' | 'forward' | 'closed' | { outcome: OutcomeCode };
  /** null: the 总计 column. */
  applicantColumn: ApplicantColumn | null;
}

/** One page of the requests behind a cell of table 三 (the report's drill-down), and their number. */
export async function annualReportRequestPage(
  db: Core['db'],
  input: { unitIds: number[]; year: number; cell: AnnualReportCell; offset: number; limit: number },
): Promise<{ total: number; requests: AnnualReportRequest[] }> {
  const { start, end } = annualYear(input.year);
  const col = input.cell.applicantColumn;
  const applicant = col === null ? null : col === 'person' ? ({ kind: 'person' } as const) : ({ kind: 'organisation', subtype: col } as const);
  const r = await annualCellRows(db, input.unitIds, start, end, { placement: input.cell.placement, applicant }, { offset: input.offset, limit: input.limit });
  return { total: r.total, requests: r.rows.map((x) => annualRequestOf(x, start, end)) };
}

/** 信息处理费 (国办函〔2020〕109号) paid within the year for the units' requests, in whole 元 as charged. */
export async function annualReportFees(db: Core['db'], input: { unitIds: number[]; year: number }): Promise<{ requestNo: string; amountYuan: number; paidOn: string }[]> {
  const { start, end } = annualYear(input.year);
  return annualFees(db, input.unitIds, start, end);
}
