ALTER TABLE "req_attachments" ADD COLUMN "active_content" text;
