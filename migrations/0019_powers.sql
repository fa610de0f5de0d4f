CREATE TABLE "powers_catalog_links" (
	"catalog_item_id" bigint PRIMARY KEY NOT NULL,
	"power_item_id" bigint,
	"guide_id" bigint,
	CONSTRAINT "powers_catalog_links_one_check" CHECK (("powers_catalog_links"."power_item_id" is null) <> ("powers_catalog_links"."guide_id" is null))
);
--> statement-breakpoint
CREATE TABLE "powers_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"item_id" bigint,
	"row" jsonb NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"proposed_on" date NOT NULL,
	"reviewed_on" date,
	"legality_on" date,
	"approved_on" date,
	"doc_no" text DEFAULT '' NOT NULL,
	"published_on" date,
	"rejected_on" date,
	"reject_reason" text DEFAULT '' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "powers_changes_kind_check" CHECK ("powers_changes"."kind" in ('增加','取消','下放','委托','变更要素')),
	CONSTRAINT "powers_changes_state_check" CHECK ("powers_changes"."state" in ('proposed','reviewed','legality_checked','approved','published','rejected'))
);
--> statement-breakpoint
CREATE TABLE "powers_decisions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"doc_no" text NOT NULL,
	"party_name" text NOT NULL,
	"party_type" text NOT NULL,
	"uscc" text DEFAULT '' NOT NULL,
	"legal_rep" text DEFAULT '' NOT NULL,
	"facts" text NOT NULL,
	"basis" text NOT NULL,
	"content" text NOT NULL,
	"fine_yuan" numeric(14, 2),
	"decided_on" date NOT NULL,
	"due_on" date NOT NULL,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"published_on" date,
	"party_minor" boolean DEFAULT false NOT NULL,
	"withheld_reason" text,
	"withdraw_event_on" date,
	"withdraw_ground" text,
	"withdraw_due_on" date,
	"withdrawn_on" date,
	"withdraw_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "powers_editions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_editions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" bigint NOT NULL,
	"label" text NOT NULL,
	"published_on" date NOT NULL,
	"doc_no" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"row_count" integer NOT NULL,
	"rows" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "powers_enforcement_profiles" (
	"unit_id" bigint PRIMARY KEY NOT NULL,
	"body_name" text NOT NULL,
	"duties" text DEFAULT '' NOT NULL,
	"authority" text DEFAULT '' NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"procedure" text DEFAULT '' NOT NULL,
	"remedy" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "powers_guides" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_guides_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"power_item_id" bigint,
	"name" text NOT NULL,
	"item_type" text NOT NULL,
	"audience" text NOT NULL,
	"theme" text NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"process" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"hours" text DEFAULT '' NOT NULL,
	"legal_limit_days" integer,
	"promised_limit_days" integer,
	"fee" text DEFAULT '' NOT NULL,
	"consult_phone" text DEFAULT '' NOT NULL,
	"complaint_phone" text DEFAULT '' NOT NULL,
	"delivery" text DEFAULT '' NOT NULL,
	"remedy" text DEFAULT '' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "powers_import_previews" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_import_previews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"staff_user_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"label" text NOT NULL,
	"published_on" date NOT NULL,
	"doc_no" text DEFAULT '' NOT NULL,
	"rows" jsonb NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "powers_import_previews_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "powers_inspection_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_inspection_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"item" text NOT NULL,
	"sub_item" text DEFAULT '' NOT NULL,
	"inspector" text NOT NULL,
	"basis" text NOT NULL,
	"method" text NOT NULL,
	"content" text NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "powers_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"public_code" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"sub_item" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"basis" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" text NOT NULL,
	"entrusted_by" text DEFAULT '' NOT NULL,
	"target" text NOT NULL,
	"duties" jsonb NOT NULL,
	"accountability" text NOT NULL,
	"accountability_basis" text NOT NULL,
	"supervision" text NOT NULL,
	"remedy" text NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "powers_items_source_check" CHECK ("powers_items"."source" in ('法定','下放','委托'))
);
--> statement-breakpoint
CREATE TABLE "powers_officers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_officers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" bigint NOT NULL,
	"name" text NOT NULL,
	"cert_no" text NOT NULL,
	"category" text NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "powers_types" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_types_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "powers_catalog_links" ADD CONSTRAINT "powers_catalog_links_power_item_id_powers_items_id_fk" FOREIGN KEY ("power_item_id") REFERENCES "public"."powers_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_catalog_links" ADD CONSTRAINT "powers_catalog_links_guide_id_powers_guides_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."powers_guides"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_changes" ADD CONSTRAINT "powers_changes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_changes" ADD CONSTRAINT "powers_changes_item_id_powers_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."powers_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_changes" ADD CONSTRAINT "powers_changes_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_decisions" ADD CONSTRAINT "powers_decisions_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_decisions" ADD CONSTRAINT "powers_decisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_editions" ADD CONSTRAINT "powers_editions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_editions" ADD CONSTRAINT "powers_editions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_enforcement_profiles" ADD CONSTRAINT "powers_enforcement_profiles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_guides" ADD CONSTRAINT "powers_guides_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_guides" ADD CONSTRAINT "powers_guides_power_item_id_powers_items_id_fk" FOREIGN KEY ("power_item_id") REFERENCES "public"."powers_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_import_previews" ADD CONSTRAINT "powers_import_previews_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_import_previews" ADD CONSTRAINT "powers_import_previews_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_inspection_items" ADD CONSTRAINT "powers_inspection_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_items" ADD CONSTRAINT "powers_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_officers" ADD CONSTRAINT "powers_officers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_types" ADD CONSTRAINT "powers_types_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "powers_catalog_links_power_idx" ON "powers_catalog_links" USING btree ("power_item_id");--> statement-breakpoint
CREATE INDEX "powers_catalog_links_guide_idx" ON "powers_catalog_links" USING btree ("guide_id");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_changes_public_code_key" ON "powers_changes" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "powers_changes_unit_idx" ON "powers_changes" USING btree ("unit_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_decisions_public_code_key" ON "powers_decisions" USING btree ("public_code");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_decisions_doc_no_key" ON "powers_decisions" USING btree ("unit_id","doc_no");--> statement-breakpoint
CREATE INDEX "powers_decisions_public_idx" ON "powers_decisions" USING btree ("root_unit_id","published_on" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "powers_decisions"."published_on" is not null;--> statement-breakpoint
CREATE INDEX "powers_decisions_unit_idx" ON "powers_decisions" USING btree ("unit_id","decided_on" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "powers_editions_label_key" ON "powers_editions" USING btree ("unit_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_guides_public_code_key" ON "powers_guides" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "powers_guides_unit_idx" ON "powers_guides" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "powers_inspection_items_unit_idx" ON "powers_inspection_items" USING btree ("unit_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_items_public_code_key" ON "powers_items" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "powers_items_unit_idx" ON "powers_items" USING btree ("unit_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_officers_cert_key" ON "powers_officers" USING btree ("unit_id","cert_no");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_types_label_key" ON "powers_types" USING btree ("root_unit_id","label");