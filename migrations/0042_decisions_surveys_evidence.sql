CREATE TABLE "decisions_evidence" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"decision_id" bigint,
	"step" text,
	"task_id" bigint,
	"title" text NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decisions_evidence_owner" CHECK (("decisions_evidence"."decision_id" is not null and "decisions_evidence"."step" is not null) or "decisions_evidence"."task_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "decisions_survey_responses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_survey_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"survey_id" bigint NOT NULL,
	"submission_key" text NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_surveys" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_surveys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"decision_id" bigint NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"questions" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"featured" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions_steps" ADD COLUMN "meeting_id" bigint;--> statement-breakpoint
ALTER TABLE "decisions_evidence" ADD CONSTRAINT "decisions_evidence_decision_id_decisions_items_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_evidence" ADD CONSTRAINT "decisions_evidence_task_id_decisions_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."decisions_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_survey_responses" ADD CONSTRAINT "decisions_survey_responses_survey_id_decisions_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."decisions_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_surveys" ADD CONSTRAINT "decisions_surveys_decision_id_decisions_items_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_evidence_code_key" ON "decisions_evidence" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "decisions_evidence_decision_idx" ON "decisions_evidence" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "decisions_evidence_task_idx" ON "decisions_evidence" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_survey_responses_key" ON "decisions_survey_responses" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "decisions_survey_responses_survey_idx" ON "decisions_survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_surveys_code_key" ON "decisions_surveys" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "decisions_surveys_decision_idx" ON "decisions_surveys" USING btree ("decision_id");--> statement-breakpoint
ALTER TABLE "decisions_steps" ADD CONSTRAINT "decisions_steps_meeting_id_decisions_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."decisions_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- 集体讨论决定 steps recorded before meetings could be chosen: link the meeting of the same government whose name matches.
UPDATE "decisions_steps" s SET "meeting_id" = m."id"
FROM "decisions_items" d, "decisions_meetings" m
WHERE s."decision_id" = d."id" AND s."step" = 'collective' AND s."meeting_id" IS NULL
  AND m."root_unit_id" = d."root_unit_id" AND m."name" = trim(s."details"->'meeting'->>'name');--> statement-breakpoint
INSERT INTO "decisions_meeting_links" ("meeting_id", "decision_id")
SELECT s."meeting_id", s."decision_id" FROM "decisions_steps" s WHERE s."meeting_id" IS NOT NULL
ON CONFLICT DO NOTHING;
