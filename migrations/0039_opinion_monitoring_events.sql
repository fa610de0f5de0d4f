CREATE TABLE "opinion_candidates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"origin" text NOT NULL,
	"feed_id" bigint,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"published_at" timestamp with time zone,
	"first_seen_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"item_id" bigint,
	"decided_by" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "opinion_candidates_state_check" CHECK ("opinion_candidates"."state" in ('pending','accepted','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "opinion_event_questions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_event_questions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" bigint NOT NULL,
	"asker" text NOT NULL,
	"question" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_by" text DEFAULT '' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"submission_key" text,
	"asked_at" timestamp with time zone NOT NULL,
	"moderated_at" timestamp with time zone,
	"moderated_by" text DEFAULT '' NOT NULL,
	CONSTRAINT "opinion_event_questions_state_check" CHECK ("opinion_event_questions"."state" in ('pending','approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "opinion_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"speakers" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"unit_id" bigint NOT NULL,
	"state" text DEFAULT 'announced' NOT NULL,
	"transcript" text DEFAULT '' NOT NULL,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opinion_events_kind_check" CHECK ("opinion_events"."kind" in ('press','interview'))
);
--> statement-breakpoint
CREATE TABLE "opinion_feeds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_feeds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"interval_minutes" integer DEFAULT 30 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_polled_at" timestamp with time zone,
	"last_error" text DEFAULT '' NOT NULL,
	"last_new" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_screenshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_screenshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"file_key" text NOT NULL,
	"media_type" text NOT NULL,
	"filename" text NOT NULL,
	"size" integer NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_settings" (
	"root_unit_id" bigint PRIMARY KEY NOT NULL,
	"alert_threshold" integer DEFAULT 5 NOT NULL,
	"alerts_enabled" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opinion_candidates" ADD CONSTRAINT "opinion_candidates_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_candidates" ADD CONSTRAINT "opinion_candidates_feed_id_opinion_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "public"."opinion_feeds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_candidates" ADD CONSTRAINT "opinion_candidates_item_id_opinion_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."opinion_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_event_questions" ADD CONSTRAINT "opinion_event_questions_event_id_opinion_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."opinion_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_events" ADD CONSTRAINT "opinion_events_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_events" ADD CONSTRAINT "opinion_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_feeds" ADD CONSTRAINT "opinion_feeds_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_screenshots" ADD CONSTRAINT "opinion_screenshots_item_id_opinion_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."opinion_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_settings" ADD CONSTRAINT "opinion_settings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_candidates_key" ON "opinion_candidates" USING btree ("root_unit_id","origin","key");--> statement-breakpoint
CREATE INDEX "opinion_candidates_state_idx" ON "opinion_candidates" USING btree ("root_unit_id","state","first_seen_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_event_questions_submission_key" ON "opinion_event_questions" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "opinion_event_questions_event_idx" ON "opinion_event_questions" USING btree ("event_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_events_code_key" ON "opinion_events" USING btree ("code");--> statement-breakpoint
CREATE INDEX "opinion_events_list_idx" ON "opinion_events" USING btree ("root_unit_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_feeds_url_key" ON "opinion_feeds" USING btree ("root_unit_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_screenshots_file_key" ON "opinion_screenshots" USING btree ("item_id","file_key");