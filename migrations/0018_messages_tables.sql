CREATE TABLE "msg_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "msg_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"event" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "msg_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "msg_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"unit_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "msg_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "msg_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"item_no" text NOT NULL,
	"lookup_hash" text NOT NULL,
	"idempotency_key" text,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"mailbox_unit_id" bigint,
	"subject" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"caller_name" text DEFAULT '' NOT NULL,
	"caller_phone" text DEFAULT '' NOT NULL,
	"caller_email" text DEFAULT '' NOT NULL,
	"keep_identity" boolean DEFAULT false NOT NULL,
	"allow_publication" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"received_on" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"unit_id" bigint,
	"assist_unit_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"designated" boolean DEFAULT false NOT NULL,
	"dispatched_on" date,
	"sign_by" date,
	"signed_on" date,
	"due_on" date NOT NULL,
	"limit_days" integer NOT NULL,
	"extension_pending_days" integer,
	"extension_requested_by" bigint,
	"extension_reason" text DEFAULT '' NOT NULL,
	"reply_text" text DEFAULT '' NOT NULL,
	"reply_unit_id" bigint,
	"replied_on" date,
	"replied_on_time" boolean,
	"working_days_taken" integer,
	"closed_on" date,
	"satisfaction" text,
	"redone" boolean DEFAULT false NOT NULL,
	"supervised" boolean DEFAULT false NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"refusal_reason" text,
	"published_at" timestamp with time zone,
	"public_title" text DEFAULT '' NOT NULL,
	"public_content" text DEFAULT '' NOT NULL,
	"public_reply" text DEFAULT '' NOT NULL,
	"linked_request_no" text DEFAULT '' NOT NULL,
	"merged_into" bigint,
	"created_by" bigint
);
--> statement-breakpoint
CREATE TABLE "msg_reminders" (
	"item_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	CONSTRAINT "msg_reminders_item_id_kind_on_pk" PRIMARY KEY("item_id","kind","on")
);
--> statement-breakpoint
CREATE TABLE "msg_sequences" (
	"root_unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "msg_sequences_root_unit_id_year_pk" PRIMARY KEY("root_unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "msg_settings" (
	"root_unit_id" bigint PRIMARY KEY NOT NULL,
	"limits" jsonb NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "msg_events" ADD CONSTRAINT "msg_events_item_id_msg_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."msg_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_history" ADD CONSTRAINT "msg_history_item_id_msg_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."msg_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_items" ADD CONSTRAINT "msg_items_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_items" ADD CONSTRAINT "msg_items_mailbox_unit_id_units_id_fk" FOREIGN KEY ("mailbox_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_items" ADD CONSTRAINT "msg_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_items" ADD CONSTRAINT "msg_items_reply_unit_id_units_id_fk" FOREIGN KEY ("reply_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_items" ADD CONSTRAINT "msg_items_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_reminders" ADD CONSTRAINT "msg_reminders_item_id_msg_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."msg_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_sequences" ADD CONSTRAINT "msg_sequences_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_settings" ADD CONSTRAINT "msg_settings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_settings" ADD CONSTRAINT "msg_settings_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "msg_events_item_idx" ON "msg_events" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "msg_history_item_idx" ON "msg_history" USING btree ("item_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "msg_items_no_key" ON "msg_items" USING btree ("root_unit_id","item_no");--> statement-breakpoint
CREATE UNIQUE INDEX "msg_items_idempotency_key" ON "msg_items" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "msg_items_state_idx" ON "msg_items" USING btree ("root_unit_id","state","due_on");--> statement-breakpoint
CREATE INDEX "msg_items_unit_idx" ON "msg_items" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "msg_items_received_idx" ON "msg_items" USING btree ("root_unit_id","received_on");--> statement-breakpoint
CREATE INDEX "msg_items_published_idx" ON "msg_items" USING btree ("root_unit_id","published_at");