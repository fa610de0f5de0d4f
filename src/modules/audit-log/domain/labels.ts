// Readable names for audit actions and target types. Unknown codes are shown as they are, so a new
// action written by another module is never hidden.

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': '登录',
  'auth.login-failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.logout-everywhere': '全部设备退出',
  'auth.password-changed': '修改密码',
  'calendar.year-added': '新增年度节假日安排',
  'data.exported': '导出含个人信息的清单',
  'calendar.year-corrected': '更正年度节假日安排',
  'seed.units': '载入演示单位',
  'units.remedies-saved': '修改行政复议机关和人民法院',
  'annual-report.generated': '生成政府信息公开年报',
  'annual-report.regenerated': '重新生成政府信息公开年报',
  'annual-report.manual-created': '补录往年政府信息公开年报',
  'annual-report.figures-saved': '填报年报数据',
  'annual-report.text-saved': '修改年报正文',
  'annual-report.published': '发布政府信息公开年报',
  'annual-report.withdrawn': '撤回已发布的政府信息公开年报',
  'annual-report.case-created': '登记行政复议、行政诉讼案件',
  'annual-report.case-updated': '修改行政复议、行政诉讼案件',
  'annual-report.case-voided': '作废行政复议、行政诉讼案件',
  'publishing.draft-created': '新建信息草稿',
  'publishing.draft-saved': '保存信息草稿',
  'publishing.submitted': '提交信息审核',
  'publishing.approved': '信息审核通过',
  'publishing.sent-back': '退回信息修改',
  'publishing.published': '发布信息',
  'publishing.scheduled': '设置定时发布',
  'publishing.schedule-cancelled': '取消定时发布',
  'publishing.schedule-failed': '定时发布未能完成',
  'publishing.force-published': '紧急发布信息（待补审）',
  'publishing.reviewed': '补充审核紧急发布的信息',
  'publishing.revised': '修订已发布信息',
  'publishing.withdrawn': '撤回已发布信息',
  'publishing.validity-changed': '变更信息有效性',
  'publishing.interpretation-linked': '关联政策解读',
  'publishing.interpretation-unlinked': '解除政策解读关联',
  'publishing.attachment-added': '上传信息附件',
  'publishing.attachment-removed': '删除信息附件',
  'seed.publishing': '载入演示政府信息',
  'seed.staff': '载入演示账号',
  'seed.requests': '载入演示依申请公开数据',
  'seed.annual-report': '载入演示年度报告',
  'requests.submitted': '网上提交政府信息公开申请',
  'requests.registered': '登记政府信息公开申请',
  'requests.accept': '确认受理申请',
  'requests.assign': '指定承办人',
  'requests.reassign': '更换承办人',
  'requests.send-clarification': '告知补正',
  'requests.record-correction': '登记补正',
  'requests.end-no-correction': '逾期未补正终止',
  'requests.send-consultation': '征求意见',
  'requests.record-consultation-answer': '登记征求意见答复',
  'requests.request-extension': '申请延期答复',
  'requests.approve-extension': '批准延期答复',
  'requests.reject-extension': '不同意延期答复',
  'requests.send-fee-notice': '发出收费通知',
  'requests.record-payment': '登记缴费',
  'requests.end-no-payment': '逾期未缴费终止',
  'requests.reply': '答复申请',
  'requests.archive': '归档申请',
  'requests.withdraw': '撤回申请',
  'requests.personal-data-viewed': '查看申请人完整个人信息',
  'requests.attachment-added': '上传申请附件',
  'requests.letter-recorded': '登记送达文书',
  'requests.settings-updated': '修改依申请公开设置',
  'requests.released-to-all': '依申请公开转主动公开',
  'catalog.domain-added': '新增地方领域',
  'catalog.item-created': '新增目录事项',
  'catalog.item-updated': '修改目录事项',
  'catalog.item-retired': '停用目录事项',
  'catalog.adopted': '调整单位采用的标准目录事项',
  'catalog.imported': '导入目录事项',
  'catalog.guide-saved': '保存政府信息公开指南',
  'catalog.consultation-created': '发起目录意见征集',
  'catalog.consultation-closed': '结束目录意见征集并公布采纳情况',
  'catalog.comment-submitted': '提交目录意见',
  'catalog.comment-answered': '答复目录意见',
  'catalog.comment-contact-viewed': '查看意见人联系方式',
  'powers.type-added': '增加职权类型',
  'powers.list-imported': '导入权责清单',
  'powers.edition-published': '发布权责清单版本',
  'powers.change-proposed': '提出权责清单调整',
  'powers.change-review': '权责清单调整：牵头部门审核通过',
  'powers.change-check-legality': '权责清单调整：合法性审查通过',
  'powers.change-approve': '权责清单调整：政府同意',
  'powers.change-publish': '公布权责清单调整',
  'powers.change-reject': '退回权责清单调整',
  'powers.profile-saved': '保存行政执法事前公开信息',
  'powers.officer-added': '登记执法人员',
  'powers.officer-retired': '撤下执法人员',
  'powers.inspection-item-added': '增加随机抽查事项',
  'powers.decision-recorded': '登记行政执法决定',
  'powers.decision-published': '公开行政执法决定',
  'powers.decision-withdrawn': '撤回行政执法决定',
  'powers.guide-saved': '保存办事指南',
  'powers.guide-published': '发布办事指南',
  'powers.guide-unpublished': '撤下办事指南',
  'powers.form-uploaded': '上传办事表格',
  'powers.catalog-linked': '关联目录事项与权责事项',
  'powers.catalog-unlinked': '取消目录事项关联',
};

/** The Chinese label of an action code, or the code itself when unknown. */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  if (action.startsWith('seed.')) return `载入演示数据（${action.slice(5)}）`;
  return action;
}

/** "登录（auth.login）" for select options and exports, so the code stays searchable. */
export function actionOptionLabel(action: string): string {
  const label = actionLabel(action);
  return label === action ? action : `${label}（${action}）`;
}

export const TARGET_TYPE_LABELS: Readonly<Record<string, string>> = {
  staff_user: '工作人员账号',
  unit: '单位',
  annual_report: '政府信息公开年报',
  annual_report_case: '行政复议、行政诉讼案件',
  calendar_year: '节假日年度',
  info_request: '政府信息公开申请',
  req_settings: '依申请公开设置',
  pub_record: '政府信息',
  catalog: '单位目录',
  catalog_item: '目录事项',
  catalog_domain: '目录领域',
  catalog_guide: '政府信息公开指南',
  catalog_consultation: '目录意见征集',
  catalog_comment: '目录意见',
  export: '导出的清单',
  powers_type: '职权类型',
  powers_change: '权责清单调整',
  powers_officer: '执法人员',
  powers_decision: '行政执法决定',
  powers_guide: '办事指南',
};

export function targetTypeLabel(type: string): string {
  return TARGET_TYPE_LABELS[type] ?? type;
}

/** How a target is shown in one cell: "工作人员账号 #12". */
export function targetText(type: string, id: string): string {
  return id ? `${targetTypeLabel(type)} #${id}` : targetTypeLabel(type);
}
