CREATE TABLE "kiosk_settings" (
	"root_unit_id" bigint PRIMARY KEY NOT NULL,
	"idle_seconds" integer NOT NULL,
	"common_searches" text NOT NULL,
	CONSTRAINT "kiosk_settings_idle_check" CHECK ("kiosk_settings"."idle_seconds" BETWEEN 30 AND 1800)
);
--> statement-breakpoint
CREATE TABLE "kiosk_terminals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "kiosk_terminals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"place" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kiosk_use_daily" (
	"terminal_id" bigint NOT NULL,
	"day" date NOT NULL,
	"pages" integer DEFAULT 0 NOT NULL,
	"starts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kiosk_use_daily_terminal_id_day_pk" PRIMARY KEY("terminal_id","day"),
	CONSTRAINT "kiosk_use_daily_counts_check" CHECK ("kiosk_use_daily"."pages" >= 0 AND "kiosk_use_daily"."starts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "site_settings" ADD COLUMN "redaction_masks" jsonb;--> statement-breakpoint
ALTER TABLE "pub_attachments" ADD COLUMN "redacted_into_id" bigint;--> statement-breakpoint
ALTER TABLE "req_attachments" ADD COLUMN "redacted_from_id" bigint;--> statement-breakpoint
ALTER TABLE "kiosk_settings" ADD CONSTRAINT "kiosk_settings_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_terminals" ADD CONSTRAINT "kiosk_terminals_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosk_use_daily" ADD CONSTRAINT "kiosk_use_daily_terminal_id_kiosk_terminals_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."kiosk_terminals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kiosk_terminals_code_key" ON "kiosk_terminals" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "kiosk_terminals_name_key" ON "kiosk_terminals" USING btree ("root_unit_id","name");