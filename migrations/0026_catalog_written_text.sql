ALTER TABLE "catalog_items" ADD COLUMN "basis_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD COLUMN "channels_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Items saved before the text was kept: the text from what is stored (the sources and channels joined by 、, as exported until now).
UPDATE "catalog_items" SET "basis_text" = array_to_string("basis", '、') WHERE "basis_text" = '';--> statement-breakpoint
UPDATE "catalog_items" SET "channels_text" = array_to_string("channels" || "custom_channels", '、') WHERE "channels_text" = '';--> statement-breakpoint
UPDATE "catalog_item_versions" SET "data" = "data"
  || jsonb_build_object('basisText', coalesce((SELECT string_agg(b, '、' ORDER BY o) FROM jsonb_array_elements_text(coalesce("data"->'basis', '[]'::jsonb)) WITH ORDINALITY AS t(b, o)), ''))
  || jsonb_build_object('channelsText', coalesce((SELECT string_agg(c, '、' ORDER BY o) FROM jsonb_array_elements_text(coalesce("data"->'channels', '[]'::jsonb) || coalesce("data"->'customChannels', '[]'::jsonb)) WITH ORDINALITY AS t(c, o)), ''))
  WHERE NOT ("data" ? 'basisText');
