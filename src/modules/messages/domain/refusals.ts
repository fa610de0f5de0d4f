// 不予受理: the cases, the reason given to the caller and the route they should take instead.
// 潍坊 12345 办法 第十九条; 昆明 2024 (regulation-wave2.md §4.2). Pure code.

export const REFUSAL_REASONS = ['litigation', 'arbitration', 'discipline', 'reconsideration', 'disclosure', 'petition', 'secret', 'settled', 'repeated', 'emergency'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface RefusalDef {
  label: string;
  /** What the caller is told to do instead (告知相关办理途径); '' when there is no other route. */
  route: string;
  /** A page of this platform that is that route. */
  link?: { href: string; label: string };
}

export const REFUSALS: Record<RefusalReason, RefusalDef> = {
  // 第十九条: 依法应当通过诉讼、仲裁、纪检监察、行政复议、政府信息公开等程序解决的 → 说明理由并告知相关办理途径.
  litigation: { label: '依法应当通过诉讼程序解决', route: '请依法向有管辖权的人民法院提起诉讼。' },
  arbitration: { label: '依法应当通过仲裁程序解决', route: '请依照仲裁协议或者法律规定向仲裁机构申请仲裁（劳动争议向劳动人事争议仲裁委员会申请）。' },
  discipline: { label: '属于纪检监察机关受理的事项', route: '请向纪检监察机关反映（如12388举报网站或信访接待场所）。' },
  reconsideration: { label: '依法应当通过行政复议程序解决', route: '请依照《中华人民共和国行政复议法》向行政复议机关申请行政复议。' },
  disclosure: {
    label: '属于政府信息公开申请',
    route: '获取政府信息请依照《中华人民共和国政府信息公开条例》提出政府信息公开申请。',
    link: { href: '/requests/apply', label: '在线提交政府信息公开申请' },
  },
  // 第十九条: 已经进入信访程序的.
  petition: { label: '已经进入信访程序', route: '该事项已进入信访程序，请通过信访渠道了解办理情况。' },
  // 第十九条: 涉及国家秘密、商业秘密、个人隐私和违反社会公序良俗的.
  secret: { label: '涉及国家秘密、商业秘密、个人隐私或者违反社会公序良俗', route: '' },
  // 第十九条: 承办单位已依法作出处理且有合法、合理结论的.
  settled: { label: '承办单位已依法作出处理并有合法、合理结论', route: '如对处理结论不服，可依法申请行政复议或者提起行政诉讼。' },
  // 昆明 2024: 重复诉求（正在办理且无新增内容；已办结且无新情况、新理由、新证据）.
  repeated: { label: '重复诉求，无新情况、新理由、新证据', route: '原诉求正在办理或已办结，可凭原编号和查询码查询办理结果。', link: { href: '/messages/lookup', label: '查询办理结果' } },
  // 昆明 2024: 110、119、120 等紧急事项 → 转紧急热线.
  emergency: { label: '属于110、119、120等紧急热线受理的事项', route: '紧急情况请立即拨打110、119、120等紧急电话。' },
};

/** The text given to the caller: reason + route (说明理由, 告知途径). */
export function refusalNotice(reason: RefusalReason, note = ''): string {
  const d = REFUSALS[reason];
  return [`您的诉求不予受理，理由：${d.label}。`, note ? `说明：${note}` : '', d.route].filter(Boolean).join('');
}
