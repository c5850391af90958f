ALTER TABLE "invitation" ALTER COLUMN "organisation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitation" ADD COLUMN "person_id" uuid;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitation_person_idx" ON "invitation" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_has_target" CHECK ("invitation"."organisation_id" is not null or "invitation"."person_id" is not null);