DROP INDEX "gazette_scans_number_key";--> statement-breakpoint
DROP INDEX "gazette_scans_overall_key";--> statement-breakpoint
ALTER TABLE "gazette_scans" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "gazette_scans" ADD COLUMN "withdrawn_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_scans_number_key" ON "gazette_scans" USING btree ("root_unit_id","year","number") WHERE "gazette_scans"."withdrawn_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_scans_overall_key" ON "gazette_scans" USING btree ("root_unit_id","overall") WHERE "gazette_scans"."withdrawn_at" is null;