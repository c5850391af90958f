CREATE TABLE "dispatch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_audience" (
	"region_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "dispatch_audience_body_id_organisation_id_pk" PRIMARY KEY("body_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "dispatch_delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"dispatch_version_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recipient_kind" text NOT NULL,
	"person_id" uuid,
	"recipient_id" uuid,
	"email" text NOT NULL,
	"locale" text NOT NULL,
	"reader_level" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"message_id" text NOT NULL,
	"return_token" text NOT NULL,
	"subject" text,
	"text" text,
	"attachment_file_id" uuid,
	"attachment_name" text,
	"claimed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"dispatch_version_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"delivery_id" uuid,
	"agenda_item_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" uuid,
	"source" text NOT NULL,
	"college_date" date,
	"referral_outcome" text,
	"note" text,
	"reference" text,
	"detail" jsonb,
	CONSTRAINT "dispatch_event_delivery_kinds" CHECK ("dispatch_event"."delivery_id" is not null or "dispatch_event"."kind" not in ('queued', 'sending', 'accepted', 'refused', 'bounced', 'opened')),
	CONSTRAINT "dispatch_event_referral_item" CHECK ("dispatch_event"."kind" <> 'referral_treated' or ("dispatch_event"."agenda_item_id" is not null and "dispatch_event"."referral_outcome" is not null))
);
--> statement-breakpoint
CREATE TABLE "dispatch_recipient" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" text,
	"person_id" uuid,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "dispatch_recipient_target" CHECK (("dispatch_recipient"."kind" = 'mailbox' and "dispatch_recipient"."email" is not null and "dispatch_recipient"."person_id" is null) or ("dispatch_recipient"."kind" = 'person' and "dispatch_recipient"."person_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "dispatch_setting" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"mode" text DEFAULT 'immediate' NOT NULL,
	"agendas" boolean DEFAULT true NOT NULL,
	"minutes" boolean DEFAULT true NOT NULL,
	"acknowledge_working_days" integer DEFAULT 5 NOT NULL,
	"college_days" integer DEFAULT 30 NOT NULL,
	"reminder_every_working_days" integer DEFAULT 2 NOT NULL,
	"escalate_after_reminders" integer DEFAULT 3 NOT NULL,
	"dispatch_within_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatch_setting_positive" CHECK ("dispatch_setting"."acknowledge_working_days" > 0 and "dispatch_setting"."college_days" > 0 and "dispatch_setting"."reminder_every_working_days" > 0 and "dispatch_setting"."escalate_after_reminders" > 0 and "dispatch_setting"."dispatch_within_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "dispatch_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"dispatch_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'prepared' NOT NULL,
	"minutes_version_id" uuid,
	"content" jsonb,
	"prepared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by_person_id" uuid,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_audience" ADD CONSTRAINT "dispatch_audience_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_audience" ADD CONSTRAINT "dispatch_audience_body_id_dispatch_setting_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."dispatch_setting"("body_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_audience" ADD CONSTRAINT "dispatch_audience_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_delivery" ADD CONSTRAINT "dispatch_delivery_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_delivery" ADD CONSTRAINT "dispatch_delivery_dispatch_version_id_dispatch_version_id_fk" FOREIGN KEY ("dispatch_version_id") REFERENCES "public"."dispatch_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_delivery" ADD CONSTRAINT "dispatch_delivery_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_delivery" ADD CONSTRAINT "dispatch_delivery_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_delivery" ADD CONSTRAINT "dispatch_delivery_recipient_id_dispatch_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."dispatch_recipient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_delivery" ADD CONSTRAINT "dispatch_delivery_attachment_file_id_stored_file_id_fk" FOREIGN KEY ("attachment_file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_event" ADD CONSTRAINT "dispatch_event_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_event" ADD CONSTRAINT "dispatch_event_dispatch_version_id_dispatch_version_id_fk" FOREIGN KEY ("dispatch_version_id") REFERENCES "public"."dispatch_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_event" ADD CONSTRAINT "dispatch_event_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_event" ADD CONSTRAINT "dispatch_event_delivery_id_dispatch_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."dispatch_delivery"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_event" ADD CONSTRAINT "dispatch_event_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_event" ADD CONSTRAINT "dispatch_event_actor_person_id_person_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_recipient" ADD CONSTRAINT "dispatch_recipient_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_recipient" ADD CONSTRAINT "dispatch_recipient_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_recipient" ADD CONSTRAINT "dispatch_recipient_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_setting" ADD CONSTRAINT "dispatch_setting_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_setting" ADD CONSTRAINT "dispatch_setting_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_version" ADD CONSTRAINT "dispatch_version_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_version" ADD CONSTRAINT "dispatch_version_dispatch_id_dispatch_id_fk" FOREIGN KEY ("dispatch_id") REFERENCES "public"."dispatch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_version" ADD CONSTRAINT "dispatch_version_minutes_version_id_minutes_version_id_fk" FOREIGN KEY ("minutes_version_id") REFERENCES "public"."minutes_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_version" ADD CONSTRAINT "dispatch_version_sent_by_person_id_person_id_fk" FOREIGN KEY ("sent_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_meeting_kind_idx" ON "dispatch" USING btree ("meeting_id","kind");--> statement-breakpoint
CREATE INDEX "dispatch_region_idx" ON "dispatch" USING btree ("region_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_delivery_recipient_idx" ON "dispatch_delivery" USING btree ("dispatch_version_id","organisation_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_delivery_message_idx" ON "dispatch_delivery" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_delivery_return_idx" ON "dispatch_delivery" USING btree ("return_token");--> statement-breakpoint
CREATE INDEX "dispatch_delivery_state_idx" ON "dispatch_delivery" USING btree ("state","claimed_at");--> statement-breakpoint
CREATE INDEX "dispatch_delivery_person_idx" ON "dispatch_delivery" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "dispatch_event_version_idx" ON "dispatch_event" USING btree ("dispatch_version_id","organisation_id","at");--> statement-breakpoint
CREATE INDEX "dispatch_event_delivery_idx" ON "dispatch_event" USING btree ("delivery_id","at");--> statement-breakpoint
CREATE INDEX "dispatch_event_region_kind_idx" ON "dispatch_event" USING btree ("region_id","kind","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_event_opened_once_idx" ON "dispatch_event" USING btree ("delivery_id") WHERE "dispatch_event"."kind" = 'opened';--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_event_acknowledged_once_idx" ON "dispatch_event" USING btree ("dispatch_version_id","organisation_id") WHERE "dispatch_event"."kind" = 'acknowledged';--> statement-breakpoint
CREATE INDEX "dispatch_recipient_organisation_idx" ON "dispatch_recipient" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_version_number_idx" ON "dispatch_version" USING btree ("dispatch_id","version");--> statement-breakpoint
CREATE INDEX "dispatch_version_region_sent_idx" ON "dispatch_version" USING btree ("region_id","sent_at");--> statement-breakpoint
-- The ledger only grows: an event is never changed or removed (docs/decisions/0018-dispatch-ledger.md).
CREATE FUNCTION dispatch_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'dispatch_event is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER dispatch_event_append_only BEFORE UPDATE OR DELETE ON "dispatch_event" FOR EACH ROW EXECUTE FUNCTION dispatch_event_immutable();
