CREATE TABLE "req_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "req_blobs" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "req_clarifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_clarifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"sent_on" date NOT NULL,
	"items" text NOT NULL,
	"correct_by" date NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"late_reason" text DEFAULT '' NOT NULL,
	"corrected_on" date,
	"correction_text" text DEFAULT '' NOT NULL,
	"sent_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "req_consultations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"ref" text NOT NULL,
	"party" text NOT NULL,
	"party_name" text NOT NULL,
	"question" text DEFAULT '' NOT NULL,
	"sent_on" date NOT NULL,
	"answer_by" date NOT NULL,
	"answered_on" date,
	"answer" text,
	"answer_note" text DEFAULT '' NOT NULL,
	"sent_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "req_consultations_party_check" CHECK ("req_consultations"."party" in ('third_party','agency'))
);
--> statement-breakpoint
CREATE TABLE "req_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"event" jsonb NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "req_extensions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_extensions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"days" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" bigint NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"decided_on" date,
	"decision_note" text DEFAULT '' NOT NULL,
	CONSTRAINT "req_extensions_days_check" CHECK ("req_extensions"."days" between 1 and 20),
	CONSTRAINT "req_extensions_status_check" CHECK ("req_extensions"."status" in ('pending','approved','rejected')),
	CONSTRAINT "req_extensions_not_own_check" CHECK ("req_extensions"."decided_by" is null or "req_extensions"."decided_by" <> "req_extensions"."requested_by")
);
--> statement-breakpoint
CREATE TABLE "req_fee_notices" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_fee_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"method" text NOT NULL,
	"pages" integer,
	"earlier_this_month" integer,
	"amount_yuan" integer NOT NULL,
	"basis" text NOT NULL,
	"sent_on" date NOT NULL,
	"pay_by" date NOT NULL,
	"paid_on" date,
	"status" text NOT NULL,
	"sent_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "req_fee_notices_amount_check" CHECK ("req_fee_notices"."amount_yuan" > 0)
);
--> statement-breakpoint
CREATE TABLE "req_letter_templates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_letter_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "req_letters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_letters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"attachment_id" bigint,
	"method" text DEFAULT '' NOT NULL,
	"sent_to" text DEFAULT '' NOT NULL,
	"sent_on" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "req_reminders" (
	"request_id" bigint NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "req_reminders_request_id_day_kind_pk" PRIMARY KEY("request_id","day","kind")
);
--> statement-breakpoint
CREATE TABLE "req_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"request_no" text NOT NULL,
	"lookup_hash" text NOT NULL,
	"idempotency_key" text,
	"unit_id" bigint NOT NULL,
	"handler_id" bigint,
	"state" text NOT NULL,
	"channel" text NOT NULL,
	"receipt_facts" jsonb NOT NULL,
	"received_on" date,
	"receipt_basis" text DEFAULT '' NOT NULL,
	"registered_by" bigint,
	"applicant_kind" text NOT NULL,
	"org_subtype" text,
	"applicant_name" text NOT NULL,
	"contact_person" text DEFAULT '' NOT NULL,
	"id_type" text NOT NULL,
	"id_number" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"postcode" text DEFAULT '' NOT NULL,
	"applicant_key" text NOT NULL,
	"info_description" text NOT NULL,
	"info_doc_no" text DEFAULT '' NOT NULL,
	"info_key" text DEFAULT '' NOT NULL,
	"doc_no_key" text DEFAULT '' NOT NULL,
	"forms" text[] NOT NULL,
	"delivery" text NOT NULL,
	"outcome" text,
	"legal_basis" text DEFAULT '' NOT NULL,
	"withheld_parts" text DEFAULT '' NOT NULL,
	"withheld_reason" text DEFAULT '' NOT NULL,
	"redirect_channel" text DEFAULT '' NOT NULL,
	"responsible_agency" text DEFAULT '' NOT NULL,
	"earlier_request_no" text DEFAULT '' NOT NULL,
	"reply_text" text DEFAULT '' NOT NULL,
	"remedy_text" text DEFAULT '' NOT NULL,
	"replied_on" date,
	"closed_on" date,
	"due_on" date,
	"clock_status" text DEFAULT 'not_received' NOT NULL,
	"paused_since" date,
	"replied_on_time" boolean,
	"working_days_taken" integer,
	"clarification_late" boolean DEFAULT false NOT NULL,
	"published_record_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "req_requests_state_check" CHECK ("req_requests"."state" in ('registered','reviewing','processing','awaiting_correction','consulting','awaiting_fee','replied','archived','withdrawn','terminated')),
	CONSTRAINT "req_requests_channel_check" CHECK ("req_requests"."channel" in ('online','in_person','oral','registered_mail','ordinary_mail','fax')),
	CONSTRAINT "req_requests_applicant_kind_check" CHECK ("req_requests"."applicant_kind" in ('person','organisation')),
	CONSTRAINT "req_requests_reply_basis_check" CHECK ("req_requests"."outcome" is null or "req_requests"."legal_basis" <> '')
);
--> statement-breakpoint
CREATE TABLE "req_sequences" (
	"root_unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "req_sequences_root_unit_id_year_pk" PRIMARY KEY("root_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "req_settings" (
	"root_unit_id" bigint PRIMARY KEY NOT NULL,
	"fee_pauses_clock" boolean DEFAULT true NOT NULL,
	"review_body" text DEFAULT '' NOT NULL,
	"court" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "req_transitions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_transitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "req_attachments" ADD CONSTRAINT "req_attachments_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_attachments" ADD CONSTRAINT "req_attachments_uploaded_by_staff_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_clarifications" ADD CONSTRAINT "req_clarifications_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_clarifications" ADD CONSTRAINT "req_clarifications_sent_by_staff_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_consultations" ADD CONSTRAINT "req_consultations_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_consultations" ADD CONSTRAINT "req_consultations_sent_by_staff_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_events" ADD CONSTRAINT "req_events_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_extensions" ADD CONSTRAINT "req_extensions_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_extensions" ADD CONSTRAINT "req_extensions_requested_by_staff_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_extensions" ADD CONSTRAINT "req_extensions_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_fee_notices" ADD CONSTRAINT "req_fee_notices_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_fee_notices" ADD CONSTRAINT "req_fee_notices_sent_by_staff_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_letter_templates" ADD CONSTRAINT "req_letter_templates_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_letter_templates" ADD CONSTRAINT "req_letter_templates_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_letters" ADD CONSTRAINT "req_letters_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_letters" ADD CONSTRAINT "req_letters_attachment_id_req_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."req_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_letters" ADD CONSTRAINT "req_letters_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_reminders" ADD CONSTRAINT "req_reminders_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_requests" ADD CONSTRAINT "req_requests_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_requests" ADD CONSTRAINT "req_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_requests" ADD CONSTRAINT "req_requests_handler_id_staff_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_requests" ADD CONSTRAINT "req_requests_registered_by_staff_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_sequences" ADD CONSTRAINT "req_sequences_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_settings" ADD CONSTRAINT "req_settings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_transitions" ADD CONSTRAINT "req_transitions_request_id_req_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."req_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "req_attachments_request_idx" ON "req_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "req_clarifications_request_key" ON "req_clarifications" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "req_consultations_request_ref_key" ON "req_consultations" USING btree ("request_id","ref");--> statement-breakpoint
CREATE UNIQUE INDEX "req_events_request_seq_key" ON "req_events" USING btree ("request_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "req_extensions_one_key" ON "req_extensions" USING btree ("request_id") WHERE "req_extensions"."status" in ('pending','approved');--> statement-breakpoint
CREATE UNIQUE INDEX "req_fee_notices_request_key" ON "req_fee_notices" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "req_letter_templates_key" ON "req_letter_templates" USING btree ("root_unit_id","key");--> statement-breakpoint
CREATE INDEX "req_letters_request_idx" ON "req_letters" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "req_requests_no_key" ON "req_requests" USING btree ("root_unit_id","request_no");--> statement-breakpoint
CREATE UNIQUE INDEX "req_requests_idempotency_key" ON "req_requests" USING btree ("idempotency_key") WHERE "req_requests"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "req_requests_unit_state_idx" ON "req_requests" USING btree ("unit_id","state","due_on");--> statement-breakpoint
CREATE INDEX "req_requests_state_due_idx" ON "req_requests" USING btree ("state","due_on");--> statement-breakpoint
CREATE INDEX "req_requests_handler_idx" ON "req_requests" USING btree ("handler_id","state");--> statement-breakpoint
CREATE INDEX "req_requests_root_received_idx" ON "req_requests" USING btree ("root_unit_id","received_on");--> statement-breakpoint
CREATE INDEX "req_requests_info_key_idx" ON "req_requests" USING btree ("root_unit_id","info_key");--> statement-breakpoint
CREATE INDEX "req_requests_doc_no_key_idx" ON "req_requests" USING btree ("root_unit_id","doc_no_key");--> statement-breakpoint
CREATE INDEX "req_requests_applicant_idx" ON "req_requests" USING btree ("applicant_key","received_on");--> statement-breakpoint
CREATE INDEX "req_transitions_request_idx" ON "req_transitions" USING btree ("request_id","at");