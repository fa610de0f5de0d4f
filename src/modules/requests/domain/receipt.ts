// The receipt date (收到申请之日) by channel: 《政府信息公开条例》第三十一条. It starts the clock.
// Pure: `today` is an argument; a receipt date in the future is refused.
import { isValidIsoDate } from '../../../core/calendar/working-days.ts';

export const CHANNELS = ['online', 'in_person', 'oral', 'registered_mail', 'ordinary_mail', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '互联网（网上申请）',
  in_person: '当面提交',
  oral: '口头提出（工作机构代为填写）',
  registered_mail: '邮寄（需签收）',
  ordinary_mail: '平常信函（无需签收）',
  fax: '传真',
};

/** The facts each channel needs; the receipt date is derived from them. */
export interface ReceiptFacts {
  /** in_person / oral: the day submitted; online / fax: the day the application arrived. */
  submittedOn?: string;
  /** registered_mail: the day the unit signed for it. */
  signedForOn?: string;
  /** ordinary_mail: the day the letter arrived. */
  arrivedOn?: string;
  /** ordinary_mail: the day confirmed with the applicant; online / fax: the day both sides confirmed. */
  confirmedOn?: string;
}

export const RECEIPT_BASIS: Record<Channel, string> = {
  in_person: '第三十一条第（一）项：申请人当面提交政府信息公开申请的，以提交之日为收到申请之日',
  oral: '第二十九条第一款、第三十一条第（一）项：口头提出、由工作机构代为填写的，以提出之日为收到申请之日',
  registered_mail: '第三十一条第（二）项：以邮寄方式提交的，以行政机关签收之日为收到申请之日',
  ordinary_mail: '第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日',
  online: '第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日',
  fax: '第三十一条第（三）项：通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日',
};

export type ReceiptResult =
  | { ok: true; receivedOn: string; basis: string; warnings: string[] }
  | { ok: false; errors: Record<string, string> };

const FIELD_LABEL: Record<keyof ReceiptFacts, string> = {
  submittedOn: '提交日期',
  signedForOn: '签收日期',
  arrivedOn: '信函到达日期',
  confirmedOn: '确认日期',
};

/** Which facts a channel needs (for forms). */
export function receiptFields(channel: Channel): (keyof ReceiptFacts)[] {
  switch (channel) {
    case 'in_person':
    case 'oral':
      return ['submittedOn'];
    case 'registered_mail':
      return ['signedForOn'];
    case 'ordinary_mail':
      return ['arrivedOn', 'confirmedOn'];
    case 'online':
    case 'fax':
      return ['submittedOn', 'confirmedOn'];
  }
}

export function isChannel(s: unknown): s is Channel {
  return typeof s === 'string' && (CHANNELS as readonly string[]).includes(s);
}

/** The receipt date per 第三十一条, or field errors (missing, malformed, future, out of order). */
export function receiptDate(channel: Channel, facts: ReceiptFacts, today: string): ReceiptResult {
  if (!isChannel(channel)) return { ok: false, errors: { channel: '请选择申请渠道' } };
  const errors: Record<string, string> = {};
  const need = receiptFields(channel);
  for (const k of need) {
    const v = facts[k];
    if (!v || !v.trim()) errors[k] = `请填写${FIELD_LABEL[k]}`;
    else if (!isValidIsoDate(v)) errors[k] = `${FIELD_LABEL[k]}格式不正确，应为 YYYY-MM-DD`;
    // 第三十一条: the receipt date is a day that has happened; a future date is refused.
    else if (v > today) errors[k] = `${FIELD_LABEL[k]} ${v} 晚于今天（${today}），不能登记将来的日期`;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const warnings: string[] = [];
  let receivedOn: string;
  switch (channel) {
    case 'in_person':
    case 'oral':
      receivedOn = facts.submittedOn!;
      break;
    case 'registered_mail':
      receivedOn = facts.signedForOn!;
      break;
    case 'ordinary_mail':
      if (facts.confirmedOn! < facts.arrivedOn!) return { ok: false, errors: { confirmedOn: `确认日期 ${facts.confirmedOn} 早于信函到达日期 ${facts.arrivedOn}：与申请人确认之日不能早于信函到达之日` } };
      // 第三十一条第（二）项: 工作机构应当于收到申请的当日与申请人确认.
      if (facts.confirmedOn !== facts.arrivedOn) {
        warnings.push(`信函于 ${facts.arrivedOn} 到达，${facts.confirmedOn} 才与申请人确认：条例要求在收到申请的当日确认`);
      }
      receivedOn = facts.confirmedOn!;
      break;
    case 'online':
    case 'fax':
      if (facts.confirmedOn! < facts.submittedOn!) return { ok: false, errors: { confirmedOn: `确认日期 ${facts.confirmedOn} 早于申请提交日期 ${facts.submittedOn}：双方确认之日不能早于申请提交之日，请填写提交当日或之后的日期` } };
      receivedOn = facts.confirmedOn!;
      break;
  }
  return { ok: true, receivedOn, basis: RECEIPT_BASIS[channel], warnings };
}
