-- Custom SQL migration file, put your code below! --
-- Dashboards and lists of 依申请公开 (src/modules/requests/http/staff-routes.tsx): partial indexes over the
-- open requests only (a fifth of all requests or fewer), so the counts read the index alone and the
-- overdue / due-soon lists read the first rows in due-date order. Goal (bench/requests.ts): p95 ≤ 100 ms
-- with 100,000 requests.
CREATE INDEX IF NOT EXISTS "req_requests_open_running_due_idx" ON "req_requests" USING btree ("root_unit_id", "due_on", "id" DESC)
  WHERE "state" IN ('registered','reviewing','processing','awaiting_correction','consulting','awaiting_fee') AND "clock_status" = 'running';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "req_requests_open_unit_idx" ON "req_requests" USING btree ("root_unit_id", "unit_id", "clock_status", "due_on")
  WHERE "state" IN ('registered','reviewing','processing','awaiting_correction','consulting','awaiting_fee');
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "req_requests_handler_open_idx" ON "req_requests" USING btree ("handler_id", "clock_status", "due_on")
  WHERE "state" IN ('registered','reviewing','processing','awaiting_correction','consulting','awaiting_fee');
--> statement-breakpoint
-- The handler's own list (every state), newest due dates first as the list orders them: the first page is
-- read from the index instead of sorting all of the handler's requests.
CREATE INDEX IF NOT EXISTS "req_requests_handler_due_idx" ON "req_requests" USING btree ("handler_id", "due_on", "id" DESC);
--> statement-breakpoint
-- A handler belongs to one unit: without this the planner multiplies the two selectivities, expects a
-- handful of rows and sorts all of the handler's requests instead of reading the index above in order.
CREATE STATISTICS IF NOT EXISTS "req_requests_handler_unit_stats" (dependencies) ON "handler_id", "unit_id" FROM "req_requests";
