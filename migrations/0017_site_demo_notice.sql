ALTER TABLE "site_settings" ADD COLUMN "demo_notice" text DEFAULT '' NOT NULL;
