DROP TABLE "req_blobs" CASCADE;--> statement-breakpoint
ALTER TABLE "req_requests" ADD COLUMN "missing_items" integer[] DEFAULT '{}'::integer[] NOT NULL;