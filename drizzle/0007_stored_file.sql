-- One file model (docs/decisions/0013-files.md): the file columns of document_version and topic_document
-- move into stored_file; both keep a reference to their file.
-- Migrations run in one transaction: the data generation's deferred triggers that earlier data steps
-- queued must run now, or the tables they fired on cannot be altered.
SET CONSTRAINTS ALL IMMEDIATE;
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_account_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"extracted_text" text,
	"extracted_at" timestamp with time zone,
	"extraction_error" text,
	"extraction_state" text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_version" ADD COLUMN "file_id" uuid;--> statement-breakpoint
ALTER TABLE "topic_document" ADD COLUMN "file_id" uuid;--> statement-breakpoint
-- Every file an owner held moves into stored_file under the owner row's id, so that a version's file is
-- the file with the version's id, and a topic document's file the one with its id.
INSERT INTO "stored_file" ("id", "region_id", "file_name", "media_type", "size", "sha256", "uploaded_by_account_id", "uploaded_at",
	"extracted_text", "extracted_at", "extraction_error", "extraction_state")
SELECT "id", "region_id", "file_name", "media_type", "size", "sha256", "uploaded_by_account_id", "uploaded_at",
	"extracted_text", "extracted_at", "extraction_error", "extraction_state" FROM "document_version";--> statement-breakpoint
-- Topic documents were not extracted before; their files are queued like a new upload.
INSERT INTO "stored_file" ("id", "region_id", "file_name", "media_type", "size", "sha256", "uploaded_by_account_id", "uploaded_at")
SELECT "id", "region_id", "file_name", "media_type", "size", "sha256", "uploaded_by_account_id", "uploaded_at" FROM "topic_document";--> statement-breakpoint
INSERT INTO "outbox" ("region_id", "kind", "payload") SELECT "region_id", 'file.extract_text', jsonb_build_object('fileId', "id") FROM "topic_document";--> statement-breakpoint
UPDATE "document_version" SET "file_id" = "id";--> statement-breakpoint
UPDATE "topic_document" SET "file_id" = "id";--> statement-breakpoint
ALTER TABLE "document_version" ALTER COLUMN "file_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "topic_document" ALTER COLUMN "file_id" SET NOT NULL;--> statement-breakpoint
-- Extraction jobs not yet done name the file now (its id is the version's).
UPDATE "outbox" SET "kind" = 'file.extract_text', "payload" = jsonb_build_object('fileId', "payload"->>'documentVersionId')
WHERE "kind" = 'document.extract_text' AND "processed_at" IS NULL;--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_file" ADD CONSTRAINT "stored_file_uploaded_by_account_id_account_id_fk" FOREIGN KEY ("uploaded_by_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_file_sha256_idx" ON "stored_file" USING btree ("region_id","sha256");--> statement-breakpoint
ALTER TABLE "document_version" ADD CONSTRAINT "document_version_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic_document" ADD CONSTRAINT "topic_document_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_version_file_idx" ON "document_version" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "topic_document_file_idx" ON "topic_document" USING btree ("file_id");--> statement-breakpoint
ALTER TABLE "topic_document" DROP CONSTRAINT "topic_document_uploaded_by_account_id_account_id_fk";
--> statement-breakpoint
ALTER TABLE "document_version" DROP CONSTRAINT "document_version_uploaded_by_account_id_account_id_fk";
--> statement-breakpoint
ALTER TABLE "topic_document" DROP COLUMN "file_name";--> statement-breakpoint
ALTER TABLE "topic_document" DROP COLUMN "media_type";--> statement-breakpoint
ALTER TABLE "topic_document" DROP COLUMN "size";--> statement-breakpoint
ALTER TABLE "topic_document" DROP COLUMN "sha256";--> statement-breakpoint
ALTER TABLE "topic_document" DROP COLUMN "uploaded_by_account_id";--> statement-breakpoint
ALTER TABLE "topic_document" DROP COLUMN "uploaded_at";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "file_name";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "media_type";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "size";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "sha256";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "uploaded_by_account_id";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "uploaded_at";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "extracted_text";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "extracted_at";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "extraction_error";--> statement-breakpoint
ALTER TABLE "document_version" DROP COLUMN "extraction_state";
--> statement-breakpoint
-- Cached reads of documents now read stored_file: it moves the data generation like every table they read.
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON stored_file DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON stored_file FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
