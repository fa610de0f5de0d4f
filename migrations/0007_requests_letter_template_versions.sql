CREATE TABLE "req_letter_template_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "req_letter_template_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by" bigint,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "req_letter_template_versions" ADD CONSTRAINT "req_letter_template_versions_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "req_letter_template_versions" ADD CONSTRAINT "req_letter_template_versions_changed_by_staff_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "req_letter_template_versions_key" ON "req_letter_template_versions" USING btree ("root_unit_id","key","version");