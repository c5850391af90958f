CREATE TABLE "follow_up_action_update" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"author_person_id" uuid,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_action_update" ADD CONSTRAINT "follow_up_action_update_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_action_update" ADD CONSTRAINT "follow_up_action_update_action_id_follow_up_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."follow_up_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_action_update" ADD CONSTRAINT "follow_up_action_update_author_person_id_person_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_action_update_action_idx" ON "follow_up_action_update" USING btree ("action_id","created_at");--> statement-breakpoint
-- Like every table a cached read may read (0004, 0008): a change moves its region's data generation on at commit.
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON follow_up_action_update DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON follow_up_action_update FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
