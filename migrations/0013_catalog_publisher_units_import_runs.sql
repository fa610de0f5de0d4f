CREATE TABLE "catalog_import_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "catalog_import_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"unit_id" bigint NOT NULL,
	"staff_user_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer NOT NULL,
	"saved_rows" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"result" jsonb,
	"errors" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "catalog_items" ADD COLUMN "publisher_unit_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_import_runs" ADD CONSTRAINT "catalog_import_runs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_import_runs" ADD CONSTRAINT "catalog_import_runs_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_import_runs_code_key" ON "catalog_import_runs" USING btree ("code");--> statement-breakpoint
CREATE INDEX "catalog_import_runs_unit_idx" ON "catalog_import_runs" USING btree ("unit_id");