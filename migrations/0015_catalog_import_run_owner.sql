ALTER TABLE "catalog_import_runs" ADD COLUMN "owner_host" text;--> statement-breakpoint
ALTER TABLE "catalog_import_runs" ADD COLUMN "owner_pid" integer;
