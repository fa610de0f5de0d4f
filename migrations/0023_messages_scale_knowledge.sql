CREATE TABLE "msg_knowledge" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "msg_knowledge_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"unit_id" bigint,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"valid_until" date NOT NULL,
	"source_item_id" bigint,
	"search_document" "tsvector" NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "msg_unit_stats" (
	"root_unit_id" bigint NOT NULL,
	"unit_id" bigint NOT NULL,
	"received_on" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"days_sum" integer DEFAULT 0 NOT NULL,
	"days_n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "msg_unit_stats_root_unit_id_unit_id_received_on_pk" PRIMARY KEY("root_unit_id","unit_id","received_on")
);
--> statement-breakpoint
DROP INDEX "msg_items_published_idx";--> statement-breakpoint
ALTER TABLE "msg_items" ADD COLUMN "search_document" "tsvector";--> statement-breakpoint
ALTER TABLE "msg_items" ADD COLUMN "knowledge_id" bigint;--> statement-breakpoint
ALTER TABLE "msg_knowledge" ADD CONSTRAINT "msg_knowledge_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_knowledge" ADD CONSTRAINT "msg_knowledge_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_knowledge" ADD CONSTRAINT "msg_knowledge_source_item_id_msg_items_id_fk" FOREIGN KEY ("source_item_id") REFERENCES "public"."msg_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "msg_knowledge" ADD CONSTRAINT "msg_knowledge_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "msg_knowledge_search_gin" ON "msg_knowledge" USING gin ("search_document") WHERE retired_at IS NULL;--> statement-breakpoint
CREATE INDEX "msg_knowledge_root_idx" ON "msg_knowledge" USING btree ("root_unit_id","valid_until");--> statement-breakpoint
CREATE INDEX "msg_unit_stats_day_idx" ON "msg_unit_stats" USING btree ("root_unit_id","received_on");--> statement-breakpoint
CREATE INDEX "msg_items_public_idx" ON "msg_items" USING btree ("root_unit_id","published_at","id") WHERE published_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "msg_items_public_unit_idx" ON "msg_items" USING btree ("reply_unit_id","published_at","id") WHERE published_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "msg_items_search_gin" ON "msg_items" USING gin ("search_document") WHERE search_document IS NOT NULL;--> statement-breakpoint
CREATE INDEX "msg_items_recent_idx" ON "msg_items" USING btree ("root_unit_id","received_at","id");--> statement-breakpoint
CREATE INDEX "msg_items_open_idx" ON "msg_items" USING btree ("root_unit_id","unit_id","due_on","replied_on","merged_into","supervised","flagged","state") WHERE state IN ('received', 'dispatched', 'handling', 'return_requested', 'termination_requested', 'replied', 'visiting');--> statement-breakpoint
CREATE INDEX "msg_items_rated_idx" ON "msg_items" USING btree ("root_unit_id","closed_on") WHERE satisfaction IS NOT NULL;--> statement-breakpoint
CREATE INDEX "msg_items_merged_idx" ON "msg_items" USING btree ("merged_into") WHERE merged_into IS NOT NULL;--> statement-breakpoint
-- Per-unit statistics kept by the database: every insert, update or delete of an item moves its
-- contribution between (site, 主办单位, day of receipt) rows. Items merged into another count only
-- through their main item; items not yet dispatched count nowhere.
CREATE OR REPLACE FUNCTION msg_unit_stats_apply(r msg_items, sign integer) RETURNS void AS $$
BEGIN
  IF r.unit_id IS NULL OR r.merged_into IS NOT NULL THEN
    RETURN;
  END IF;
  INSERT INTO msg_unit_stats AS s (root_unit_id, unit_id, received_on, received, closed, on_time, replied, rated, satisfied, days_sum, days_n)
  VALUES (r.root_unit_id, r.unit_id, r.received_on, sign,
    sign * (r.state = 'closed')::int,
    sign * coalesce(r.replied_on_time, false)::int,
    sign * (r.replied_on IS NOT NULL)::int,
    sign * (r.satisfaction IS NOT NULL)::int,
    sign * coalesce(r.satisfaction IN ('satisfied', 'basically'), false)::int,
    sign * coalesce(r.working_days_taken, 0),
    sign * (r.working_days_taken IS NOT NULL)::int)
  ON CONFLICT (root_unit_id, unit_id, received_on) DO UPDATE SET
    received = s.received + EXCLUDED.received,
    closed = s.closed + EXCLUDED.closed,
    on_time = s.on_time + EXCLUDED.on_time,
    replied = s.replied + EXCLUDED.replied,
    rated = s.rated + EXCLUDED.rated,
    satisfied = s.satisfied + EXCLUDED.satisfied,
    days_sum = s.days_sum + EXCLUDED.days_sum,
    days_n = s.days_n + EXCLUDED.days_n;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION msg_items_stats_trigger() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM msg_unit_stats_apply(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM msg_unit_stats_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER msg_items_stats_insert AFTER INSERT ON msg_items
  FOR EACH ROW EXECUTE FUNCTION msg_items_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER msg_items_stats_delete AFTER DELETE ON msg_items
  FOR EACH ROW EXECUTE FUNCTION msg_items_stats_trigger();
--> statement-breakpoint
CREATE TRIGGER msg_items_stats_update AFTER UPDATE ON msg_items
  FOR EACH ROW WHEN (
    OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.root_unit_id IS DISTINCT FROM NEW.root_unit_id
    OR OLD.received_on IS DISTINCT FROM NEW.received_on OR OLD.state IS DISTINCT FROM NEW.state
    OR OLD.replied_on IS DISTINCT FROM NEW.replied_on OR OLD.replied_on_time IS DISTINCT FROM NEW.replied_on_time
    OR OLD.satisfaction IS DISTINCT FROM NEW.satisfaction OR OLD.working_days_taken IS DISTINCT FROM NEW.working_days_taken
    OR OLD.merged_into IS DISTINCT FROM NEW.merged_into)
  EXECUTE FUNCTION msg_items_stats_trigger();
--> statement-breakpoint
-- The items already there.
INSERT INTO msg_unit_stats (root_unit_id, unit_id, received_on, received, closed, on_time, replied, rated, satisfied, days_sum, days_n)
SELECT root_unit_id, unit_id, received_on, count(*),
  count(*) FILTER (WHERE state = 'closed'),
  count(*) FILTER (WHERE replied_on_time),
  count(*) FILTER (WHERE replied_on IS NOT NULL),
  count(*) FILTER (WHERE satisfaction IS NOT NULL),
  count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically')),
  coalesce(sum(working_days_taken), 0),
  count(working_days_taken)
FROM msg_items WHERE unit_id IS NOT NULL AND merged_into IS NULL
GROUP BY root_unit_id, unit_id, received_on;
