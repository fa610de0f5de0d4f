CREATE TABLE "gazette_articles" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gazette_articles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"issue_id" bigint NOT NULL,
	"section_id" bigint NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"seq" integer,
	"kind" text NOT NULL,
	"record_id" bigint,
	"record_index_no" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"doc_no" text DEFAULT '' NOT NULL,
	"issuer" text DEFAULT '' NOT NULL,
	"written_on" date,
	"body_html" text DEFAULT '' NOT NULL,
	"corrects_article_id" bigint,
	"search" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gazette_articles_kind_check" CHECK ("gazette_articles"."kind" in ('record','text','erratum'))
);
--> statement-breakpoint
CREATE TABLE "gazette_issues" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gazette_issues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"root_unit_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"overall" integer NOT NULL,
	"state" text DEFAULT 'drafted' NOT NULL,
	"issued_on" date,
	"released_at" timestamp with time zone,
	"pdf" "bytea",
	"pdf_pages" integer,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gazette_issues_state_check" CHECK ("gazette_issues"."state" in ('drafted','proofread','approved','released'))
);
--> statement-breakpoint
CREATE TABLE "gazette_sections" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gazette_sections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"issue_id" bigint NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gazette_articles" ADD CONSTRAINT "gazette_articles_issue_id_gazette_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."gazette_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_articles" ADD CONSTRAINT "gazette_articles_section_id_gazette_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."gazette_sections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_articles" ADD CONSTRAINT "gazette_articles_corrects_article_id_gazette_articles_id_fk" FOREIGN KEY ("corrects_article_id") REFERENCES "public"."gazette_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_issues" ADD CONSTRAINT "gazette_issues_root_unit_id_units_id_fk" FOREIGN KEY ("root_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gazette_sections" ADD CONSTRAINT "gazette_sections_issue_id_gazette_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."gazette_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gazette_articles_issue_idx" ON "gazette_articles" USING btree ("issue_id","sort_order");--> statement-breakpoint
CREATE INDEX "gazette_articles_corrects_idx" ON "gazette_articles" USING btree ("corrects_article_id");--> statement-breakpoint
CREATE INDEX "gazette_articles_record_idx" ON "gazette_articles" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "gazette_articles_search_gin" ON "gazette_articles" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_issues_number_key" ON "gazette_issues" USING btree ("root_unit_id","year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "gazette_issues_overall_key" ON "gazette_issues" USING btree ("root_unit_id","overall");--> statement-breakpoint
CREATE INDEX "gazette_sections_issue_idx" ON "gazette_sections" USING btree ("issue_id","sort_order");