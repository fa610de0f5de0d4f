// When a deadline given to the applicant has lapsed, so that the request ends without a reply:
// - 补正 (《政府信息公开条例》第三十条): 申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理该政府信息公开申请
//   (outcome other_1, service.endForNoCorrection);
// - 信息处理费 (国办函〔2020〕109号《政府信息公开信息处理费管理办法》): 申请人逾期未缴纳信息处理费的，视为放弃申请
//   (outcome other_2, service.endForNoPayment).
// The deadline day itself still belongs to the applicant ("逾期" = after the deadline): a deadline has
// lapsed only on a day strictly after it. Days are Asia/Shanghai calendar dates 'YYYY-MM-DD'.
// Used by the transition preconditions (domain/states.ts) and the daily job (jobs.ts runLapses).
import { dayNumber } from './workdays.ts';

/** Whether `deadline` (the last day allowed) has lapsed on `today`: true only from the day after it. */
export function deadlineLapsed(deadline: string | null | undefined, today: string): boolean {
  if (!deadline) return false;
  return dayNumber(today) > dayNumber(deadline);
}
