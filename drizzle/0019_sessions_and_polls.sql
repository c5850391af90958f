CREATE TABLE "poll" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"question" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by_person_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_person_id" uuid,
	CONSTRAINT "poll_closed" CHECK ("poll"."status" <> 'closed' or "poll"."closed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "poll_vote" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"poll_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"voice" text NOT NULL,
	"voter_person_id" uuid NOT NULL,
	"on_behalf_of_person_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "info_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"season" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"online_url" text,
	"public" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"question_deadline" timestamp with time zone NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"introduction" text,
	"invited_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"current_dossier_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "info_session_ends_after_start" CHECK ("info_session"."ends_at" > "info_session"."starts_at"),
	CONSTRAINT "info_session_deadline_before_start" CHECK ("info_session"."question_deadline" <= "info_session"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "session_dossier" (
	"region_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "session_dossier_session_id_dossier_id_pk" PRIMARY KEY("session_id","dossier_id")
);
--> statement-breakpoint
CREATE TABLE "session_floor_speaker" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"dossier_id" uuid,
	"position" integer NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_floor_speaker_order" CHECK ("session_floor_speaker"."ended_at" is null or ("session_floor_speaker"."started_at" is not null and "session_floor_speaker"."ended_at" >= "session_floor_speaker"."started_at"))
);
--> statement-breakpoint
CREATE TABLE "session_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"asked_by_person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"consent_to_publish" boolean NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"session_speaker_id" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_person_id" uuid,
	"merged_into_id" uuid,
	"decline_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_question_answered" CHECK ("session_question"."status" not in ('answered_in_session', 'answered_in_writing') or ("session_question"."answer" is not null and "session_question"."answered_at" is not null)),
	CONSTRAINT "session_question_assigned" CHECK ("session_question"."status" <> 'assigned' or "session_question"."session_speaker_id" is not null),
	CONSTRAINT "session_question_declined" CHECK ("session_question"."status" <> 'declined' or "session_question"."decline_reason" is not null),
	CONSTRAINT "session_question_merged" CHECK ("session_question"."status" <> 'merged' or "session_question"."merged_into_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "session_question_support" (
	"region_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_question_support_question_id_person_id_pk" PRIMARY KEY("question_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "session_registration" (
	"region_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_registration_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "session_speaker" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"speaker_id" uuid NOT NULL,
	"dossier_id" uuid,
	"position" integer NOT NULL,
	"slot_starts_at" timestamp with time zone,
	"minutes" integer NOT NULL,
	CONSTRAINT "session_speaker_minutes" CHECK ("session_speaker"."minutes" > 0 and "session_speaker"."minutes" <= 240)
);
--> statement-breakpoint
ALTER TABLE "dispatch" ALTER COLUMN "body_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch" ALTER COLUMN "meeting_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "dispatch" ADD COLUMN "info_session_id" uuid;--> statement-breakpoint
ALTER TABLE "poll" ADD CONSTRAINT "poll_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll" ADD CONSTRAINT "poll_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll" ADD CONSTRAINT "poll_opened_by_person_id_person_id_fk" FOREIGN KEY ("opened_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll" ADD CONSTRAINT "poll_closed_by_person_id_person_id_fk" FOREIGN KEY ("closed_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_vote" ADD CONSTRAINT "poll_vote_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_vote" ADD CONSTRAINT "poll_vote_poll_id_poll_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."poll"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_vote" ADD CONSTRAINT "poll_vote_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_vote" ADD CONSTRAINT "poll_vote_voter_person_id_person_id_fk" FOREIGN KEY ("voter_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_vote" ADD CONSTRAINT "poll_vote_on_behalf_of_person_id_person_id_fk" FOREIGN KEY ("on_behalf_of_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_session" ADD CONSTRAINT "info_session_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_session" ADD CONSTRAINT "info_session_current_dossier_id_dossier_id_fk" FOREIGN KEY ("current_dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_dossier" ADD CONSTRAINT "session_dossier_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_dossier" ADD CONSTRAINT "session_dossier_session_id_info_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."info_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_dossier" ADD CONSTRAINT "session_dossier_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_floor_speaker" ADD CONSTRAINT "session_floor_speaker_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_floor_speaker" ADD CONSTRAINT "session_floor_speaker_session_id_info_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."info_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_floor_speaker" ADD CONSTRAINT "session_floor_speaker_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_floor_speaker" ADD CONSTRAINT "session_floor_speaker_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_floor_speaker" ADD CONSTRAINT "session_floor_speaker_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question" ADD CONSTRAINT "session_question_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question" ADD CONSTRAINT "session_question_session_id_info_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."info_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question" ADD CONSTRAINT "session_question_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question" ADD CONSTRAINT "session_question_asked_by_person_id_person_id_fk" FOREIGN KEY ("asked_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question" ADD CONSTRAINT "session_question_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question" ADD CONSTRAINT "session_question_session_speaker_id_session_speaker_id_fk" FOREIGN KEY ("session_speaker_id") REFERENCES "public"."session_speaker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question" ADD CONSTRAINT "session_question_answered_by_person_id_person_id_fk" FOREIGN KEY ("answered_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question" ADD CONSTRAINT "session_question_merged_into_id_session_question_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."session_question"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question_support" ADD CONSTRAINT "session_question_support_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question_support" ADD CONSTRAINT "session_question_support_question_id_session_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."session_question"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_question_support" ADD CONSTRAINT "session_question_support_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registration" ADD CONSTRAINT "session_registration_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registration" ADD CONSTRAINT "session_registration_session_id_info_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."info_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registration" ADD CONSTRAINT "session_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registration" ADD CONSTRAINT "session_registration_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_speaker" ADD CONSTRAINT "session_speaker_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_speaker" ADD CONSTRAINT "session_speaker_session_id_info_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."info_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_speaker" ADD CONSTRAINT "session_speaker_speaker_id_speaker_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speaker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_speaker" ADD CONSTRAINT "session_speaker_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "poll_item_idx" ON "poll" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "poll_region_idx" ON "poll" USING btree ("region_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "poll_vote_once_idx" ON "poll_vote" USING btree ("poll_id","organisation_id");--> statement-breakpoint
CREATE INDEX "info_session_region_starts_idx" ON "info_session" USING btree ("region_id","starts_at");--> statement-breakpoint
CREATE INDEX "session_floor_speaker_session_idx" ON "session_floor_speaker" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "session_question_session_idx" ON "session_question" USING btree ("session_id","dossier_id","asked_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_speaker_once_idx" ON "session_speaker" USING btree ("session_id","speaker_id");--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_info_session_id_info_session_id_fk" FOREIGN KEY ("info_session_id") REFERENCES "public"."info_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_session_kind_idx" ON "dispatch" USING btree ("info_session_id","kind");--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_subject" CHECK (("dispatch"."kind" in ('agenda', 'minutes') and "dispatch"."meeting_id" is not null and "dispatch"."body_id" is not null and "dispatch"."info_session_id" is null) or ("dispatch"."kind" in ('session_invitation', 'session_report') and "dispatch"."info_session_id" is not null and "dispatch"."meeting_id" is null and "dispatch"."body_id" is null));--> statement-breakpoint
-- Council information sessions and sounding-board polls move their region's data generation on, as the other features' tables do (ADR 0025).
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON info_session DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON info_session FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON session_dossier DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON session_dossier FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON session_registration DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON session_registration FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON session_speaker DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON session_speaker FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON session_question DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON session_question FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON session_question_support DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON session_question_support FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON session_floor_speaker DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON session_floor_speaker FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON poll DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON poll FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON poll_vote DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON poll_vote FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
