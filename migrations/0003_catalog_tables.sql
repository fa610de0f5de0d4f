CREATE TABLE "catalog_comments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"consultation_id" bigint NOT NULL,
	"submission_key" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"contact" text NOT NULL,
	"body" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answer_reason" text,
	"answered_at" timestamp with time zone,
	"answered_by_name" text
);
--> statement-breakpoint
CREATE TABLE "catalog_consultations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"adopted_version" integer,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_consultations_dates" CHECK ("catalog_consultations"."ends_on" >= "catalog_consultations"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "catalog_domains" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_domains_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"national_no" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_guides" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_guides_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"reason" text NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_item_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_item_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"change_kind" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"domain_id" bigint NOT NULL,
	"owner_unit_id" bigint,
	"level1" text NOT NULL,
	"level2" text NOT NULL,
	"content" text NOT NULL,
	"basis" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_limit_text" text NOT NULL,
	"time_limit_rule" jsonb NOT NULL,
	"publisher_text" text NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom_channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience_society" boolean NOT NULL,
	"audience_specific" boolean NOT NULL,
	"mode_proactive" boolean NOT NULL,
	"mode_on_request" boolean NOT NULL,
	"level_county" boolean NOT NULL,
	"level_township" boolean NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_unit_items" (
	"unit_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "catalog_unit_items_unit_id_item_id_pk" PRIMARY KEY("unit_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_comments" ADD CONSTRAINT "catalog_comments_consultation_id_catalog_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."catalog_consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_consultations" ADD CONSTRAINT "catalog_consultations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_domains" ADD CONSTRAINT "catalog_domains_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_guides" ADD CONSTRAINT "catalog_guides_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item_versions" ADD CONSTRAINT "catalog_item_versions_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_domain_id_catalog_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."catalog_domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_unit_items" ADD CONSTRAINT "catalog_unit_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_unit_items" ADD CONSTRAINT "catalog_unit_items_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_versions" ADD CONSTRAINT "catalog_versions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_comments_submission_key" ON "catalog_comments" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "catalog_comments_consultation_idx" ON "catalog_comments" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_consultations_code_key" ON "catalog_consultations" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_domains_slug_key" ON "catalog_domains" USING btree ("root_unit_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_domains_name_key" ON "catalog_domains" USING btree ("root_unit_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_guides_key" ON "catalog_guides" USING btree ("unit_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_item_versions_key" ON "catalog_item_versions" USING btree ("item_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_items_code_key" ON "catalog_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "catalog_items_domain_idx" ON "catalog_items" USING btree ("domain_id");--> statement-breakpoint
CREATE INDEX "catalog_items_owner_idx" ON "catalog_items" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_key" ON "catalog_versions" USING btree ("unit_id","version");