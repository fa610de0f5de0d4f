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
  'calendar.year-corrected': '更正年度节假日安排',
  'seed.units': '载入演示单位',
  'seed.staff': '载入演示账号',
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
  calendar_year: '节假日年度',
};

export function targetTypeLabel(type: string): string {
  return TARGET_TYPE_LABELS[type] ?? type;
}

/** How a target is shown in one cell: "工作人员账号 #12". */
export function targetText(type: string, id: string): string {
  return id ? `${targetTypeLabel(type)} #${id}` : targetTypeLabel(type);
}
