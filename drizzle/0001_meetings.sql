CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" integer,
	"supplementary" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text,
	"brought_by_person_id" uuid,
	"brought_by_organisation_id" uuid,
	"duration_minutes" integer,
	"confidentiality" text DEFAULT 'internal' NOT NULL,
	"approves_meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_item_duration" CHECK ("agenda_item"."duration_minutes" is null or "agenda_item"."duration_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "agenda_item_speaker" (
	"region_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "agenda_item_speaker_agenda_item_id_person_id_pk" PRIMARY KEY("agenda_item_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"region_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"represented_by_person_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_meeting_id_person_id_pk" PRIMARY KEY("meeting_id","person_id"),
	CONSTRAINT "attendance_representative" CHECK (("attendance"."status" = 'represented') = ("attendance"."represented_by_person_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "crisis_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crisis_period_dates_ordered" CHECK ("crisis_period"."end_date" is null or "crisis_period"."end_date" >= "crisis_period"."start_date")
);
--> statement-breakpoint
CREATE TABLE "document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"title" text NOT NULL,
	"confidentiality" text DEFAULT 'internal' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_account_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"extracted_text" text,
	"extracted_at" timestamp with time zone,
	"extraction_error" text
);
--> statement-breakpoint
CREATE TABLE "follow_up_action" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_person_id" uuid,
	"owner_organisation_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"crisis_period_id" uuid,
	"title" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"online_url" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"agenda_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_ends_after_start" CHECK ("meeting"."ends_at" > "meeting"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "minutes_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"minutes_version_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"author_person_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_entry" (
	"region_id" uuid NOT NULL,
	"minutes_version_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"discussion" text,
	"outcome" text,
	"outcome_text" text,
	"referral_body_id" uuid,
	"referral_to_colleges" boolean DEFAULT false NOT NULL,
	CONSTRAINT "minutes_entry_minutes_version_id_agenda_item_id_pk" PRIMARY KEY("minutes_version_id","agenda_item_id")
);
--> statement-breakpoint
CREATE TABLE "minutes_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reason" text,
	"circulated_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_in_meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_brought_by_person_id_person_id_fk" FOREIGN KEY ("brought_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_brought_by_organisation_id_organisation_id_fk" FOREIGN KEY ("brought_by_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_approves_meeting_id_meeting_id_fk" FOREIGN KEY ("approves_meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_speaker" ADD CONSTRAINT "agenda_item_speaker_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_speaker" ADD CONSTRAINT "agenda_item_speaker_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_speaker" ADD CONSTRAINT "agenda_item_speaker_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_represented_by_person_id_person_id_fk" FOREIGN KEY ("represented_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_period" ADD CONSTRAINT "crisis_period_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_period" ADD CONSTRAINT "crisis_period_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_version" ADD CONSTRAINT "document_version_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_version" ADD CONSTRAINT "document_version_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_version" ADD CONSTRAINT "document_version_uploaded_by_account_id_account_id_fk" FOREIGN KEY ("uploaded_by_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_action" ADD CONSTRAINT "follow_up_action_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_action" ADD CONSTRAINT "follow_up_action_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_action" ADD CONSTRAINT "follow_up_action_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_action" ADD CONSTRAINT "follow_up_action_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_action" ADD CONSTRAINT "follow_up_action_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_action" ADD CONSTRAINT "follow_up_action_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_crisis_period_id_crisis_period_id_fk" FOREIGN KEY ("crisis_period_id") REFERENCES "public"."crisis_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_comment" ADD CONSTRAINT "minutes_comment_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_comment" ADD CONSTRAINT "minutes_comment_minutes_version_id_minutes_version_id_fk" FOREIGN KEY ("minutes_version_id") REFERENCES "public"."minutes_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_comment" ADD CONSTRAINT "minutes_comment_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_comment" ADD CONSTRAINT "minutes_comment_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_entry" ADD CONSTRAINT "minutes_entry_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_entry" ADD CONSTRAINT "minutes_entry_minutes_version_id_minutes_version_id_fk" FOREIGN KEY ("minutes_version_id") REFERENCES "public"."minutes_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_entry" ADD CONSTRAINT "minutes_entry_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_entry" ADD CONSTRAINT "minutes_entry_referral_body_id_body_id_fk" FOREIGN KEY ("referral_body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_version" ADD CONSTRAINT "minutes_version_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_version" ADD CONSTRAINT "minutes_version_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_version" ADD CONSTRAINT "minutes_version_approved_in_meeting_id_meeting_id_fk" FOREIGN KEY ("approved_in_meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_item_position_idx" ON "agenda_item" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_item_number_idx" ON "agenda_item" USING btree ("meeting_id","number");--> statement-breakpoint
CREATE INDEX "crisis_period_body_idx" ON "crisis_period" USING btree ("body_id","start_date");--> statement-breakpoint
CREATE INDEX "document_meeting_idx" ON "document" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "document_item_idx" ON "document" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_version_idx" ON "document_version" USING btree ("document_id","version");--> statement-breakpoint
CREATE INDEX "follow_up_action_body_idx" ON "follow_up_action" USING btree ("body_id","status","due_date");--> statement-breakpoint
CREATE INDEX "follow_up_action_item_idx" ON "follow_up_action" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "meeting_body_starts_idx" ON "meeting" USING btree ("body_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_region_starts_idx" ON "meeting" USING btree ("region_id","starts_at");--> statement-breakpoint
CREATE INDEX "minutes_comment_version_idx" ON "minutes_comment" USING btree ("minutes_version_id","agenda_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "minutes_version_idx" ON "minutes_version" USING btree ("meeting_id","version");