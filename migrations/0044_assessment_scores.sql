CREATE TABLE "assessment_bulletins" (
	"root_unit_id" bigint NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"doc_no" text DEFAULT '' NOT NULL,
	"overview" text NOT NULL,
	"problems" text NOT NULL,
	"requirements" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"issued_on" date,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_bulletins_root_unit_id_period_pk" PRIMARY KEY("root_unit_id","period"),
	CONSTRAINT "assessment_bulletins_state" CHECK ("assessment_bulletins"."state" IN ('draft', 'issued'))
);
--> statement-breakpoint
CREATE TABLE "assessment_indicators" (
	"root_unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"sort_order" integer NOT NULL,
	"name" text NOT NULL,
	"weight" integer NOT NULL,
	"method" text NOT NULL,
	"deduct" integer DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"rule" text DEFAULT '' NOT NULL,
	CONSTRAINT "assessment_indicators_root_unit_id_year_code_pk" PRIMARY KEY("root_unit_id","year","code")
);
--> statement-breakpoint
CREATE TABLE "assessment_manual_scores" (
	"root_unit_id" bigint NOT NULL,
	"period" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"indicator_code" text NOT NULL,
	"points" real NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"file_name" text,
	"file_key" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_manual_scores_root_unit_id_period_unit_id_indicator_code_pk" PRIMARY KEY("root_unit_id","period","unit_id","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "assessment_objections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"period" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"indicator_code" text NOT NULL,
	"item_key" text NOT NULL,
	"item_label" text NOT NULL,
	"reason" text NOT NULL,
	"file_name" text,
	"file_key" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text DEFAULT '' NOT NULL,
	"filed_by_name" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "assessment_objections_state" CHECK ("assessment_objections"."state" IN ('pending', 'accepted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "assessment_results" (
	"root_unit_id" bigint NOT NULL,
	"period" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"released_on" date NOT NULL,
	"scores" jsonb NOT NULL,
	CONSTRAINT "assessment_results_root_unit_id_period_pk" PRIMARY KEY("root_unit_id","period")
);
--> statement-breakpoint
CREATE TABLE "assessment_settings" (
	"root_unit_id" bigint PRIMARY KEY NOT NULL,
	"objection_days" integer DEFAULT 5 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_bulletins" ADD CONSTRAINT "assessment_bulletins_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_indicators" ADD CONSTRAINT "assessment_indicators_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_manual_scores" ADD CONSTRAINT "assessment_manual_scores_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_manual_scores" ADD CONSTRAINT "assessment_manual_scores_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_objections" ADD CONSTRAINT "assessment_objections_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_objections" ADD CONSTRAINT "assessment_objections_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_settings" ADD CONSTRAINT "assessment_settings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_objections_item" ON "assessment_objections" USING btree ("root_unit_id","period","unit_id","indicator_code","item_key");