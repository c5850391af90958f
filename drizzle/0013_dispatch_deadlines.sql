CREATE TABLE "dispatch_alarm" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"detail" jsonb,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dispatch_setting" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch_alarm" ADD CONSTRAINT "dispatch_alarm_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_alarm" ADD CONSTRAINT "dispatch_alarm_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_alarm_open_idx" ON "dispatch_alarm" USING btree ("kind","subject_id") WHERE "dispatch_alarm"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "dispatch_alarm_region_idx" ON "dispatch_alarm" USING btree ("region_id","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_event_reminder_once_idx" ON "dispatch_event" USING btree ("dispatch_version_id","organisation_id","kind",("detail"->>'deadline'),coalesce("detail"->>'number', '')) WHERE "dispatch_event"."kind" in ('reminded', 'escalated');