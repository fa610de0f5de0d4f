CREATE TABLE "pub_search_chunks" (
	"record_id" bigint NOT NULL,
	"chunk_no" integer NOT NULL,
	"document" "tsvector" NOT NULL,
	CONSTRAINT "pub_search_chunks_record_id_chunk_no_pk" PRIMARY KEY("record_id","chunk_no")
);
--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "unit_id" bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "catalog_item_id" bigint;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "domain_id" bigint;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "general_column" text;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "kind" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "doc_type" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "subject" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "validity" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "doc_no_key" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "published_on" date NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_search_documents" ADD COLUMN "published_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "pub_search_chunks" ADD CONSTRAINT "pub_search_chunks_record_id_pub_search_documents_record_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pub_search_documents"("record_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pub_search_chunks_gin" ON "pub_search_chunks" USING gin ("document");--> statement-breakpoint
CREATE INDEX "pub_search_documents_doc_no_idx" ON "pub_search_documents" USING btree ("doc_no_key") WHERE doc_no_key <> '';--> statement-breakpoint
CREATE INDEX "pub_search_documents_recent_idx" ON "pub_search_documents" USING btree ("root_unit_id","published_at");