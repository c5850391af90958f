-- Who recorded an attendance state and when: a member who sent apologies or named a proxy before the
-- meeting, or the secretariat (docs/decisions/0016).
ALTER TABLE "attendance" ADD COLUMN "recorded_by_person_id" uuid;--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_person_id_person_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;