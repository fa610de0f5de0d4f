CREATE TABLE "ar_cases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ar_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"lawsuit_path" text,
	"case_no" text NOT NULL,
	"body" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"filed_on" date NOT NULL,
	"decided_on" date,
	"result" text NOT NULL,
	"request_no" text,
	"note" text DEFAULT '' NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ar_cases_kind_check" CHECK ("ar_cases"."kind" in ('review','lawsuit')),
	CONSTRAINT "ar_cases_path_check" CHECK (("ar_cases"."kind" = 'lawsuit') = ("ar_cases"."lawsuit_path" is not null) and ("ar_cases"."lawsuit_path" is null or "ar_cases"."lawsuit_path" in ('direct','after_review'))),
	CONSTRAINT "ar_cases_result_check" CHECK ("ar_cases"."result" in ('upheld','corrected','other','pending')),
	CONSTRAINT "ar_cases_decided_check" CHECK (("ar_cases"."result" = 'pending') = ("ar_cases"."decided_on" is null) and ("ar_cases"."decided_on" is null or "ar_cases"."decided_on" >= "ar_cases"."filed_on"))
);
--> statement-breakpoint
CREATE TABLE "ar_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ar_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"scope" text DEFAULT 'own' NOT NULL,
	"source" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"origins" jsonb NOT NULL,
	"computed" jsonb,
	"entered" jsonb NOT NULL,
	"covered_unit_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"overview" text DEFAULT '' NOT NULL,
	"problems" text DEFAULT '' NOT NULL,
	"other" text DEFAULT '' NOT NULL,
	"generated_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_on" date,
	"published_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ar_reports_year_check" CHECK ("ar_reports"."year" between 2008 and 2100),
	CONSTRAINT "ar_reports_scope_check" CHECK ("ar_reports"."scope" in ('own','with_subunits')),
	CONSTRAINT "ar_reports_source_check" CHECK ("ar_reports"."source" in ('generated','manual')),
	CONSTRAINT "ar_reports_state_check" CHECK ("ar_reports"."state" in ('draft','published')),
	CONSTRAINT "ar_reports_published_check" CHECK (("ar_reports"."state" = 'published') = ("ar_reports"."published_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "ar_cases" ADD CONSTRAINT "ar_cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ar_reports" ADD CONSTRAINT "ar_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ar_cases_code_key" ON "ar_cases" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ar_cases_unit_idx" ON "ar_cases" USING btree ("unit_id","filed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ar_reports_unit_year_key" ON "ar_reports" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "ar_reports_year_idx" ON "ar_reports" USING btree ("year");