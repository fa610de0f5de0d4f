-- Custom SQL: the public page of a record lists the records it replaced (pub_records.replaced_by_id
-- pointing at it); without an index that is a scan of every record.
CREATE INDEX IF NOT EXISTS "pub_records_replaced_by_idx" ON "pub_records" USING btree ("replaced_by_id") WHERE "replaced_by_id" IS NOT NULL;
