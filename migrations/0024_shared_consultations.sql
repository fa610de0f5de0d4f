-- Comment periods (意见征集) become one capability shared by the catalog and major decisions:
-- the tables lose their catalog prefix and say which kind of draft they are about.
ALTER TABLE "catalog_consultations" RENAME TO "consultations";--> statement-breakpoint
ALTER SEQUENCE "catalog_consultations_id_seq" RENAME TO "consultations_id_seq";--> statement-breakpoint
ALTER TABLE "consultations" RENAME CONSTRAINT "catalog_consultations_pkey" TO "consultations_pkey";--> statement-breakpoint
ALTER TABLE "consultations" RENAME CONSTRAINT "catalog_consultations_unit_id_units_id_fk" TO "consultations_unit_id_units_id_fk";--> statement-breakpoint
ALTER TABLE "consultations" RENAME CONSTRAINT "catalog_consultations_dates" TO "consultations_dates";--> statement-breakpoint
ALTER INDEX "catalog_consultations_code_key" RENAME TO "consultations_code_key";--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "subject" text DEFAULT 'catalog' NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "urgent_reason" text;--> statement-breakpoint
CREATE INDEX "consultations_subject_idx" ON "consultations" USING btree ("subject","ends_on");--> statement-breakpoint
ALTER TABLE "catalog_comments" RENAME TO "consultation_comments";--> statement-breakpoint
ALTER SEQUENCE "catalog_comments_id_seq" RENAME TO "consultation_comments_id_seq";--> statement-breakpoint
ALTER TABLE "consultation_comments" RENAME CONSTRAINT "catalog_comments_pkey" TO "consultation_comments_pkey";--> statement-breakpoint
ALTER TABLE "consultation_comments" RENAME CONSTRAINT "catalog_comments_consultation_id_catalog_consultations_id_fk" TO "consultation_comments_consultation_id_consultations_id_fk";--> statement-breakpoint
ALTER INDEX "catalog_comments_submission_key" RENAME TO "consultation_comments_submission_key";--> statement-breakpoint
ALTER INDEX "catalog_comments_consultation_idx" RENAME TO "consultation_comments_consultation_idx";
