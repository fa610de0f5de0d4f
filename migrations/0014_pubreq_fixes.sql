-- Scheduled times in review-log and version notes were written as UTC ISO strings
-- ("2026-12-07T11:45:00.000Z"); people read them in Beijing time ("2026-12-07 19:45（北京时间）").
UPDATE "pub_review_log" SET "note" = to_char(("note")::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || '（北京时间）'
WHERE "action" = 'scheduled' AND "note" ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$';--> statement-breakpoint
UPDATE "pub_record_versions" SET "change_note" = '定时发布：' || to_char((substring("change_note" from 6))::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || '（北京时间）'
WHERE "event" = 'scheduled' AND "change_note" ~ '^定时发布：\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$';--> statement-breakpoint
ALTER TABLE "pub_records" ADD COLUMN "interpretation_waiver" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_records" ADD COLUMN "doc_no_shared_reason" text DEFAULT '' NOT NULL;
