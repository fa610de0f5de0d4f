DROP INDEX "msg_items_search_gin";--> statement-breakpoint
CREATE INDEX "msg_items_search_gin" ON "msg_items" USING gin ("search_document") WHERE published_at IS NOT NULL;