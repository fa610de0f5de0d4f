CREATE TABLE "assessment_monitor_probes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_monitor_probes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" integer NOT NULL,
	"ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_monitor_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_monitor_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"pages" integer NOT NULL,
	"findings" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_monitor_settings" (
	"root_unit_id" bigint PRIMARY KEY NOT NULL,
	"thresholds" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_sweep_findings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_sweep_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sweep_id" bigint NOT NULL,
	"record_code" text NOT NULL,
	"index_no" text NOT NULL,
	"title" text NOT NULL,
	"unit_name" text NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"place" text NOT NULL,
	"paragraph" integer NOT NULL,
	"found" text NOT NULL,
	"suggestion" text NOT NULL,
	"before" text NOT NULL,
	"after" text NOT NULL,
	"count" integer NOT NULL,
	"basis" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_sweeps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_sweeps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"run_on" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"records" integer DEFAULT 0 NOT NULL,
	"findings" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_term_sets" (
	"root_unit_id" bigint PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_terms" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_terms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	"level" text DEFAULT 'warn' NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_terms_kind" CHECK ("assessment_terms"."kind" IN ('leader', 'renamed_org', 'misspelling', 'sensitive')),
	CONSTRAINT "assessment_terms_level" CHECK ("assessment_terms"."level" IN ('block', 'warn'))
);
--> statement-breakpoint
ALTER TABLE "assessment_monitor_probes" ADD CONSTRAINT "assessment_monitor_probes_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_monitor_runs" ADD CONSTRAINT "assessment_monitor_runs_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_monitor_settings" ADD CONSTRAINT "assessment_monitor_settings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sweep_findings" ADD CONSTRAINT "assessment_sweep_findings_sweep_id_assessment_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."assessment_sweeps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sweeps" ADD CONSTRAINT "assessment_sweeps_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_term_sets" ADD CONSTRAINT "assessment_term_sets_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_terms" ADD CONSTRAINT "assessment_terms_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_monitor_probes_idx" ON "assessment_monitor_probes" USING btree ("root_unit_id","at");--> statement-breakpoint
CREATE INDEX "assessment_monitor_runs_idx" ON "assessment_monitor_runs" USING btree ("root_unit_id","started_at");--> statement-breakpoint
CREATE INDEX "assessment_sweep_findings_sweep_idx" ON "assessment_sweep_findings" USING btree ("sweep_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_sweeps_day" ON "assessment_sweeps" USING btree ("root_unit_id","run_on");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_terms_key" ON "assessment_terms" USING btree ("root_unit_id","kind","term","value");