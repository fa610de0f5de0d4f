CREATE TABLE "newmedia_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "newmedia_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"name" text NOT NULL,
	"platform" text NOT NULL,
	"handle" text NOT NULL,
	"url" text NOT NULL,
	"host_unit_id" bigint NOT NULL,
	"operator" text DEFAULT '' NOT NULL,
	"manager" text DEFAULT '' NOT NULL,
	"opened_on" date NOT NULL,
	"state" text NOT NULL,
	"last_recorded_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "newmedia_accounts_state_check" CHECK ("newmedia_accounts"."state" in ('proposed','active','closed','cancelled','refused'))
);
--> statement-breakpoint
CREATE TABLE "newmedia_post_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "newmedia_post_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"post_id" bigint NOT NULL,
	"action" text NOT NULL,
	"step" integer,
	"step_name" text DEFAULT '' NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newmedia_posts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "newmedia_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"title" text NOT NULL,
	"body_html" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"chain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"author_id" bigint NOT NULL,
	"author_name" text NOT NULL,
	"return_reason" text DEFAULT '' NOT NULL,
	"approved_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"released_url" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submission_key" text,
	CONSTRAINT "newmedia_posts_state_check" CHECK ("newmedia_posts"."state" in ('draft','in_review','returned','ready','released'))
);
--> statement-breakpoint
CREATE TABLE "newmedia_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "newmedia_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"fields" jsonb,
	"notice" text DEFAULT '' NOT NULL,
	"requested_by" bigint,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"reason" text DEFAULT '' NOT NULL,
	"submission_key" text
);
--> statement-breakpoint
CREATE TABLE "newmedia_settings" (
	"root_unit_id" bigint PRIMARY KEY NOT NULL,
	"review_steps" jsonb NOT NULL,
	"silence_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "newmedia_accounts" ADD CONSTRAINT "newmedia_accounts_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newmedia_accounts" ADD CONSTRAINT "newmedia_accounts_host_unit_id_units_id_fk" FOREIGN KEY ("host_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newmedia_post_events" ADD CONSTRAINT "newmedia_post_events_post_id_newmedia_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."newmedia_posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newmedia_posts" ADD CONSTRAINT "newmedia_posts_account_id_newmedia_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."newmedia_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newmedia_requests" ADD CONSTRAINT "newmedia_requests_account_id_newmedia_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."newmedia_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newmedia_settings" ADD CONSTRAINT "newmedia_settings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "newmedia_accounts_site_idx" ON "newmedia_accounts" USING btree ("root_unit_id","state");--> statement-breakpoint
CREATE INDEX "newmedia_post_events_post_idx" ON "newmedia_post_events" USING btree ("post_id","at");--> statement-breakpoint
CREATE INDEX "newmedia_posts_account_idx" ON "newmedia_posts" USING btree ("account_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "newmedia_posts_submission_key" ON "newmedia_posts" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "newmedia_requests_account_idx" ON "newmedia_requests" USING btree ("account_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "newmedia_requests_submission_key" ON "newmedia_requests" USING btree ("submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "newmedia_requests_pending_key" ON "newmedia_requests" USING btree ("account_id") WHERE "newmedia_requests"."state" = 'pending';