CREATE TABLE "pub_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pub_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"record_id" bigint NOT NULL,
	"role" text DEFAULT 'attachment' NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"file_type" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"extracted_text" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "pub_attachments_role_check" CHECK ("pub_attachments"."role" IN ('attachment','interpretation_plan'))
);
--> statement-breakpoint
CREATE TABLE "pub_index_sequences" (
	"unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "pub_index_sequences_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "pub_interpretation_links" (
	"policy_id" bigint NOT NULL,
	"interpretation_id" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pub_interpretation_links_policy_id_interpretation_id_pk" PRIMARY KEY("policy_id","interpretation_id")
);
--> statement-breakpoint
CREATE TABLE "pub_record_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pub_record_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_id" bigint NOT NULL,
	"lock_version" integer NOT NULL,
	"event" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"snapshot" jsonb NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"changed_by_id" bigint,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pub_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pub_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"catalog_item_id" bigint,
	"general_column" text,
	"kind" text DEFAULT 'record' NOT NULL,
	"interpretation_form" text,
	"title" text NOT NULL,
	"publisher_name" text NOT NULL,
	"doc_no" text DEFAULT '' NOT NULL,
	"written_on" date NOT NULL,
	"formed_on" date NOT NULL,
	"published_on" date,
	"subject" text NOT NULL,
	"genre" text NOT NULL,
	"doc_type" text DEFAULT 'other' NOT NULL,
	"needs_interpretation" boolean DEFAULT false NOT NULL,
	"validity" text DEFAULT 'in_force' NOT NULL,
	"validity_changed_on" date,
	"replaced_by_id" bigint,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"disclosure" text DEFAULT 'proactive' NOT NULL,
	"disclosure_grounds" text[] DEFAULT '{}'::text[] NOT NULL,
	"disclosure_note" text DEFAULT '' NOT NULL,
	"reevaluate_on" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"index_no" text,
	"index_year" integer,
	"index_seq" integer,
	"scheduled_at" timestamp with time zone,
	"review_owed" boolean DEFAULT false NOT NULL,
	"send_back_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"due_on" date,
	"published_late" boolean,
	"timeliness_note" text DEFAULT '' NOT NULL,
	"withdraw_reason" text,
	"withdraw_note" text DEFAULT '' NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"source_request_no" text,
	"created_by_id" bigint,
	"created_by_name" text NOT NULL,
	"updated_by_name" text NOT NULL,
	"submitted_by_id" bigint,
	"submitted_at" timestamp with time zone,
	"approved_by_id" bigint,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pub_records_home" CHECK ("pub_records"."catalog_item_id" IS NOT NULL OR "pub_records"."general_column" IS NOT NULL),
	CONSTRAINT "pub_records_column_check" CHECK ("pub_records"."general_column" IS NULL OR "pub_records"."general_column" IN ('news','notice','policy')),
	CONSTRAINT "pub_records_kind_check" CHECK ("pub_records"."kind" IN ('record','interpretation')),
	CONSTRAINT "pub_records_doc_type_check" CHECK ("pub_records"."doc_type" IN ('regulation','normative','other')),
	CONSTRAINT "pub_records_validity_check" CHECK ("pub_records"."validity" IN ('in_force','expired','repealed')),
	CONSTRAINT "pub_records_disclosure_check" CHECK ("pub_records"."disclosure" IN ('proactive','on_request','withheld')),
	CONSTRAINT "pub_records_state_check" CHECK ("pub_records"."state" IN ('draft','submitted','approved','scheduled','published','withdrawn')),
	CONSTRAINT "pub_records_index_check" CHECK (("pub_records"."index_no" IS NULL) = ("pub_records"."state" IN ('draft','submitted','approved','scheduled')))
);
--> statement-breakpoint
CREATE TABLE "pub_review_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pub_review_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_id" bigint NOT NULL,
	"action" text NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pub_search_documents" (
	"record_id" bigint PRIMARY KEY NOT NULL,
	"root_unit_id" bigint NOT NULL,
	"document" "tsvector" NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pub_attachments" ADD CONSTRAINT "pub_attachments_record_id_pub_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pub_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_index_sequences" ADD CONSTRAINT "pub_index_sequences_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_interpretation_links" ADD CONSTRAINT "pub_interpretation_links_policy_id_pub_records_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."pub_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_interpretation_links" ADD CONSTRAINT "pub_interpretation_links_interpretation_id_pub_records_id_fk" FOREIGN KEY ("interpretation_id") REFERENCES "public"."pub_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_record_versions" ADD CONSTRAINT "pub_record_versions_record_id_pub_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pub_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_records" ADD CONSTRAINT "pub_records_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_records" ADD CONSTRAINT "pub_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_records" ADD CONSTRAINT "pub_records_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_records" ADD CONSTRAINT "pub_records_submitted_by_id_staff_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_records" ADD CONSTRAINT "pub_records_approved_by_id_staff_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_review_log" ADD CONSTRAINT "pub_review_log_record_id_pub_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pub_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD CONSTRAINT "pub_search_documents_record_id_pub_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pub_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pub_attachments_code_key" ON "pub_attachments" USING btree ("code");--> statement-breakpoint
CREATE INDEX "pub_attachments_record_idx" ON "pub_attachments" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "pub_interpretation_links_interp_idx" ON "pub_interpretation_links" USING btree ("interpretation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pub_record_versions_key" ON "pub_record_versions" USING btree ("record_id","lock_version");--> statement-breakpoint
CREATE UNIQUE INDEX "pub_records_code_key" ON "pub_records" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "pub_records_index_no_key" ON "pub_records" USING btree ("index_no");--> statement-breakpoint
CREATE UNIQUE INDEX "pub_records_index_seq_key" ON "pub_records" USING btree ("unit_id","index_year","index_seq");--> statement-breakpoint
CREATE INDEX "pub_records_unit_state_idx" ON "pub_records" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "pub_records_item_idx" ON "pub_records" USING btree ("catalog_item_id");--> statement-breakpoint
CREATE INDEX "pub_records_public_idx" ON "pub_records" USING btree ("root_unit_id","published_on");--> statement-breakpoint
CREATE INDEX "pub_records_scheduled_idx" ON "pub_records" USING btree ("scheduled_at") WHERE state = 'scheduled';--> statement-breakpoint
CREATE INDEX "pub_review_log_record_idx" ON "pub_review_log" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "pub_search_documents_gin" ON "pub_search_documents" USING gin ("document");--> statement-breakpoint
-- Custom SQL: a record's catalog item lives in the catalog module's table (drizzle schema files do not import each other).
ALTER TABLE "pub_records" ADD CONSTRAINT "pub_records_catalog_item_id_catalog_items_id_fk" FOREIGN KEY ("catalog_item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pub_records" ADD CONSTRAINT "pub_records_replaced_by_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."pub_records"("id") ON DELETE no action ON UPDATE no action;
