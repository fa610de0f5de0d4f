CREATE TABLE "req_doc_no_patterns" (
	"unit_id" bigint PRIMARY KEY NOT NULL,
	"pattern" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "req_doc_no_sequences" (
	"unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "req_doc_no_sequences_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
ALTER TABLE "req_requests" ADD COLUMN "reply_doc_no" text;--> statement-breakpoint
ALTER TABLE "req_requests" ADD COLUMN "reply_doc_unit_id" bigint;--> statement-breakpoint
ALTER TABLE "req_requests" ADD COLUMN "reply_doc_year" integer;--> statement-breakpoint
ALTER TABLE "req_requests" ADD COLUMN "reply_doc_seq" integer;--> statement-breakpoint
ALTER TABLE "req_doc_no_patterns" ADD CONSTRAINT "req_doc_no_patterns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_doc_no_sequences" ADD CONSTRAINT "req_doc_no_sequences_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_requests" ADD CONSTRAINT "req_requests_reply_doc_unit_id_units_id_fk" FOREIGN KEY ("reply_doc_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "req_requests_reply_doc_no_key" ON "req_requests" USING btree ("reply_doc_unit_id","reply_doc_year","reply_doc_seq");