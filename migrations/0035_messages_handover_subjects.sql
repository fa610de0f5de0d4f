CREATE TABLE "msg_subjects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "msg_subjects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"parent_id" bigint,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "msg_items" ADD COLUMN "subject_id" bigint;--> statement-breakpoint
ALTER TABLE "req_requests" ADD COLUMN "linked_message_no" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "msg_subjects" ADD CONSTRAINT "msg_subjects_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "msg_subjects_root_idx" ON "msg_subjects" USING btree ("root_unit_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "msg_items_subject_idx" ON "msg_items" USING btree ("root_unit_id","subject_id","received_at") WHERE subject_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "msg_items_linked_request_idx" ON "msg_items" USING btree ("linked_request_no") WHERE linked_request_no <> '';