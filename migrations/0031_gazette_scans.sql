CREATE TABLE "gazette_scan_pages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gazette_scan_pages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"scan_id" bigint NOT NULL,
	"page" integer NOT NULL,
	"image_key" text NOT NULL,
	"image_type" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"confidence" real,
	"readable" boolean DEFAULT false NOT NULL,
	"corrected_at" timestamp with time zone,
	"search" "tsvector"
);
--> statement-breakpoint
CREATE TABLE "gazette_scans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gazette_scans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"overall" integer NOT NULL,
	"issued_on" date,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"ocr_state" text NOT NULL,
	"ocr_message" text DEFAULT '' NOT NULL,
	"ocr_started_at" timestamp with time zone,
	"ocr_finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gazette_scans_state_check" CHECK ("gazette_scans"."ocr_state" in ('queued','running','done','unreadable','no_engine','failed'))
);
--> statement-breakpoint
ALTER TABLE "gazette_scan_pages" ADD CONSTRAINT "gazette_scan_pages_scan_id_gazette_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."gazette_scans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_scans" ADD CONSTRAINT "gazette_scans_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_scan_pages_page_key" ON "gazette_scan_pages" USING btree ("scan_id","page");--> statement-breakpoint
CREATE INDEX "gazette_scan_pages_search_gin" ON "gazette_scan_pages" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_scans_number_key" ON "gazette_scans" USING btree ("root_unit_id","year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_scans_overall_key" ON "gazette_scans" USING btree ("root_unit_id","overall");--> statement-breakpoint
CREATE INDEX "gazette_scans_queue_idx" ON "gazette_scans" USING btree ("ocr_state","id");