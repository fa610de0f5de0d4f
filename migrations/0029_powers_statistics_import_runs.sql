CREATE TABLE "import_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"staff_user_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer NOT NULL,
	"read_rows" integer DEFAULT 0 NOT NULL,
	"checked_rows" integer DEFAULT 0 NOT NULL,
	"saved_rows" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"result" jsonb,
	"errors" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"owner_host" text,
	"owner_pid" integer
);
--> statement-breakpoint
CREATE TABLE "powers_statistics_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "powers_statistics_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" bigint
);
--> statement-breakpoint
-- The catalog's runs move to the shared table (history kept; rows read and checked = total, as they were previewed).
INSERT INTO "import_runs" ("code", "kind", "unit_id", "staff_user_id", "file_name", "total_rows", "read_rows", "checked_rows", "saved_rows", "state", "result", "errors", "started_at", "updated_at", "finished_at", "owner_host", "owner_pid")
SELECT "code", 'catalog', "unit_id", "staff_user_id", "file_name", "total_rows", "total_rows", "total_rows", "saved_rows", "state", "result", "errors", "started_at", "updated_at", "finished_at", "owner_host", "owner_pid" FROM "catalog_import_runs";--> statement-breakpoint
DROP TABLE "catalog_import_runs" CASCADE;--> statement-breakpoint
ALTER TABLE "powers_import_previews" ADD COLUMN "run_code" text;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_statistics_entries" ADD CONSTRAINT "powers_statistics_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "powers_statistics_entries" ADD CONSTRAINT "powers_statistics_entries_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_runs_code_key" ON "import_runs" USING btree ("code");--> statement-breakpoint
CREATE INDEX "import_runs_unit_idx" ON "import_runs" USING btree ("kind","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "powers_statistics_entries_unit_year_key" ON "powers_statistics_entries" USING btree ("unit_id","year");