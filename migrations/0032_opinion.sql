CREATE TABLE "opinion_concerns" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_concerns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"code" text NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"answered_on" date NOT NULL,
	"unit_id" bigint NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"item_id" bigint,
	"published" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"involved" text DEFAULT '' NOT NULL,
	"level_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"submission_key" text,
	"candidate_id" bigint,
	"created_by" bigint,
	CONSTRAINT "opinion_items_state_check" CHECK ("opinion_items"."state" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "opinion_levels" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_levels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"name" text NOT NULL,
	"major" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_reminders" (
	"item_id" bigint NOT NULL,
	"timer" text NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opinion_reminders_item_id_timer_kind_starts_at_pk" PRIMARY KEY("item_id","timer","kind","starts_at")
);
--> statement-breakpoint
CREATE TABLE "opinion_steps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"level_id" bigint,
	"major" boolean,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opinion_concerns" ADD CONSTRAINT "opinion_concerns_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_concerns" ADD CONSTRAINT "opinion_concerns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_concerns" ADD CONSTRAINT "opinion_concerns_item_id_opinion_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."opinion_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_items" ADD CONSTRAINT "opinion_items_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_items" ADD CONSTRAINT "opinion_items_level_id_opinion_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."opinion_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_items" ADD CONSTRAINT "opinion_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_levels" ADD CONSTRAINT "opinion_levels_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_reminders" ADD CONSTRAINT "opinion_reminders_item_id_opinion_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."opinion_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_steps" ADD CONSTRAINT "opinion_steps_item_id_opinion_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."opinion_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_steps" ADD CONSTRAINT "opinion_steps_level_id_opinion_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."opinion_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_concerns_code_key" ON "opinion_concerns" USING btree ("code");--> statement-breakpoint
CREATE INDEX "opinion_concerns_list_idx" ON "opinion_concerns" USING btree ("root_unit_id","answered_on");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_items_code_key" ON "opinion_items" USING btree ("root_unit_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_items_submission_key" ON "opinion_items" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "opinion_items_open_idx" ON "opinion_items" USING btree ("root_unit_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_levels_name_key" ON "opinion_levels" USING btree ("root_unit_id","name");--> statement-breakpoint
CREATE INDEX "opinion_steps_item_idx" ON "opinion_steps" USING btree ("item_id","at");