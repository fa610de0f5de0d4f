ALTER TABLE "pub_search_documents" ADD COLUMN "head" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
CREATE INDEX "pub_search_documents_head_gin" ON "pub_search_documents" USING gin ("head");--> statement-breakpoint
-- Custom SQL: keep the rows of pub_search_documents narrow. Document vectors longer than about
-- 1 KB go to the TOAST table, so scans that only filter (head, filters, the GIN bitmap of an
-- unordered query) read small rows; a phrase is checked only on the few documents a page needs.
ALTER TABLE "pub_search_documents" SET (toast_tuple_target = 1024);
