CREATE TABLE "decisions_catalog_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_catalog_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"entries" jsonb NOT NULL,
	"reason" text NOT NULL,
	"published_on" date NOT NULL,
	"published_by_name" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"lead_unit_id" bigint NOT NULL,
	"basis" text NOT NULL,
	"planned_on" date,
	"draft" text DEFAULT '' NOT NULL,
	"consultation_id" bigint,
	"doc_no" text,
	"decision_text" text,
	"adoption_explanation" text,
	"published_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions_progress" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_progress_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"task_id" bigint NOT NULL,
	"submission_key" text NOT NULL,
	"reported_on" date NOT NULL,
	"percent" integer NOT NULL,
	"done" text NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "decisions_progress_percent" CHECK ("decisions_progress"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "decisions_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"decision_id" bigint NOT NULL,
	"step" text NOT NULL,
	"state" text NOT NULL,
	"done_on" date,
	"actor" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"documents" text DEFAULT '' NOT NULL,
	"skip_reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "decisions_steps_state" CHECK (("decisions_steps"."state" = 'done' and "decisions_steps"."done_on" is not null) or ("decisions_steps"."state" = 'skipped' and "decisions_steps"."skip_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "decisions_tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "decisions_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"parent_id" bigint,
	"decision_id" bigint,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"steps" text DEFAULT '' NOT NULL,
	"lead_unit_id" bigint NOT NULL,
	"supporting_units" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"due_on" date NOT NULL,
	"report_every_days" integer DEFAULT 30 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions_catalog_versions" ADD CONSTRAINT "decisions_catalog_versions_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_items" ADD CONSTRAINT "decisions_items_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_items" ADD CONSTRAINT "decisions_items_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_progress" ADD CONSTRAINT "decisions_progress_task_id_decisions_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."decisions_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_steps" ADD CONSTRAINT "decisions_steps_decision_id_decisions_items_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_tasks" ADD CONSTRAINT "decisions_tasks_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_tasks" ADD CONSTRAINT "decisions_tasks_decision_id_decisions_items_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_tasks" ADD CONSTRAINT "decisions_tasks_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_catalog_versions_key" ON "decisions_catalog_versions" USING btree ("root_unit_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_items_code_key" ON "decisions_items" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "decisions_items_year_idx" ON "decisions_items" USING btree ("root_unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_progress_submission_key" ON "decisions_progress" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "decisions_progress_task_idx" ON "decisions_progress" USING btree ("task_id","reported_on");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_steps_key" ON "decisions_steps" USING btree ("decision_id","step");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_tasks_code_key" ON "decisions_tasks" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "decisions_tasks_year_idx" ON "decisions_tasks" USING btree ("root_unit_id","year");--> statement-breakpoint
CREATE INDEX "decisions_tasks_parent_idx" ON "decisions_tasks" USING btree ("parent_id");