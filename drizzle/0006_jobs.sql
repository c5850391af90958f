DROP INDEX "outbox_pending_idx";--> statement-breakpoint
ALTER TABLE "document_version" ADD COLUMN "extraction_state" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "parked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "discarded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_parked_idx" ON "outbox" USING btree ("region_id","parked_at") WHERE "outbox"."processed_at" is null and "outbox"."parked_at" is not null;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("available_at") WHERE "outbox"."processed_at" is null and "outbox"."parked_at" is null;--> statement-breakpoint
-- Versions extracted before this migration: done, or failed when an error was recorded.
UPDATE "document_version" SET "extraction_state" = CASE WHEN "extraction_error" IS NOT NULL THEN 'failed' ELSE 'done' END WHERE "extracted_at" IS NOT NULL;--> statement-breakpoint
-- Pending extraction jobs keep their ids under the typed kind. Pending finished mails (kind "mail")
-- have no handler any more: they fail and are parked for the secretariat to see.
UPDATE "outbox" SET "kind" = 'document.extract_text' WHERE "kind" = 'extract_text' AND "processed_at" IS NULL;
