CREATE TABLE "decisions_findings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"task_id" bigint,
	"found_on" date NOT NULL,
	"finding" text NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"rectify_by" date NOT NULL,
	"rectified_on" date,
	"result" text,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_findings_kind" CHECK ("decisions_findings"."kind" in ('inspection', 'audit'))
);
--> statement-breakpoint
CREATE TABLE "decisions_meeting_links" (
	"meeting_id" bigint NOT NULL,
	"decision_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_meetings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"held_on" date NOT NULL,
	"topics" text NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"summary" text NOT NULL,
	"interpretation" text DEFAULT '' NOT NULL,
	"published_on" date NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_meetings_kind" CHECK ("decisions_meetings"."kind" in ('executive', 'special'))
);
--> statement-breakpoint
CREATE TABLE "decisions_proposals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_proposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"proposer" text NOT NULL,
	"lead_unit_id" bigint NOT NULL,
	"supporting_units" text DEFAULT '' NOT NULL,
	"assigned_on" date NOT NULL,
	"due_on" date NOT NULL,
	"replied_on" date,
	"result" text,
	"reply_text" text,
	"replied_by_name" text,
	"satisfaction" text,
	"publicity" text,
	"public_summary" text,
	"withheld_reason" text,
	"published_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_proposals_kind" CHECK ("decisions_proposals"."kind" in ('npc', 'cppcc'))
);
--> statement-breakpoint
CREATE TABLE "decisions_search" (
	"kind" text NOT NULL,
	"ref_id" bigint NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"title" text NOT NULL,
	"href" text NOT NULL,
	"meta" text NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions_findings" ADD CONSTRAINT "decisions_findings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_findings" ADD CONSTRAINT "decisions_findings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_findings" ADD CONSTRAINT "decisions_findings_task_id_decisions_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."decisions_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_meeting_links" ADD CONSTRAINT "decisions_meeting_links_meeting_id_decisions_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."decisions_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_meeting_links" ADD CONSTRAINT "decisions_meeting_links_decision_id_decisions_items_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_meetings" ADD CONSTRAINT "decisions_meetings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_proposals" ADD CONSTRAINT "decisions_proposals_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_proposals" ADD CONSTRAINT "decisions_proposals_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_findings_code_key" ON "decisions_findings" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "decisions_findings_root_idx" ON "decisions_findings" USING btree ("root_unit_id","found_on");--> statement-breakpoint
CREATE INDEX "decisions_findings_task_idx" ON "decisions_findings" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_meeting_links_key" ON "decisions_meeting_links" USING btree ("meeting_id","decision_id");--> statement-breakpoint
CREATE INDEX "decisions_meeting_links_decision_idx" ON "decisions_meeting_links" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_meetings_code_key" ON "decisions_meetings" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "decisions_meetings_root_idx" ON "decisions_meetings" USING btree ("root_unit_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_proposals_code_key" ON "decisions_proposals" USING btree ("public_code");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_proposals_number_key" ON "decisions_proposals" USING btree ("root_unit_id","year","kind","number");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_search_key" ON "decisions_search" USING btree ("kind","ref_id");--> statement-breakpoint
CREATE INDEX "decisions_search_document_idx" ON "decisions_search" USING gin ("document");