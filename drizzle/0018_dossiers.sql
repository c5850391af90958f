CREATE TABLE "bottleneck" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"addressee_organisation_id" uuid,
	"response_working_days" integer DEFAULT 30 NOT NULL,
	"letter_sent_on" date,
	"answer_due_on" date,
	"answered_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"parent_id" uuid,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"lead_organisation_id" uuid,
	"lead_person_id" uuid,
	"status" text NOT NULL,
	"confidentiality" text DEFAULT 'internal' NOT NULL,
	"crisis_period_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_not_own_parent" CHECK ("dossier"."parent_id" is null or "dossier"."parent_id" <> "dossier"."id")
);
--> statement-breakpoint
CREATE TABLE "dossier_body" (
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	CONSTRAINT "dossier_body_dossier_id_body_id_pk" PRIMARY KEY("dossier_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"confidentiality" text DEFAULT 'internal' NOT NULL,
	"from_status" text,
	"to_status" text,
	"organisation_id" uuid,
	"file_id" uuid,
	"agenda_item_id" uuid,
	"in_reply_to_id" uuid,
	"recorded_by_person_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_follower" (
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_follower_dossier_id_person_id_pk" PRIMARY KEY("dossier_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_item" (
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"linked_by_person_id" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_item_dossier_id_agenda_item_id_pk" PRIMARY KEY("dossier_id","agenda_item_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_municipality" (
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "dossier_municipality_dossier_id_organisation_id_pk" PRIMARY KEY("dossier_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "dossier_phase" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts" text NOT NULL,
	"ends" text,
	"start_day" date NOT NULL,
	"end_day" date,
	"state_override" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_phase_ordered" CHECK ("dossier_phase"."end_day" is null or "dossier_phase"."end_day" >= "dossier_phase"."start_day")
);
--> statement-breakpoint
CREATE TABLE "dossier_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"asked_by_person_id" uuid NOT NULL,
	"text" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"speaker_id" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"merged_into_id" uuid,
	"decline_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_question_answered" CHECK ("dossier_question"."status" <> 'answered' or ("dossier_question"."answer" is not null and "dossier_question"."answered_at" is not null)),
	CONSTRAINT "dossier_question_declined" CHECK ("dossier_question"."status" <> 'declined' or "dossier_question"."decline_reason" is not null),
	CONSTRAINT "dossier_question_merged" CHECK ("dossier_question"."status" <> 'merged' or "dossier_question"."merged_into_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "goal_local_target" (
	"region_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"baseline" numeric DEFAULT '0' NOT NULL,
	"target_value" numeric NOT NULL,
	CONSTRAINT "goal_local_target_target_id_organisation_id_pk" PRIMARY KEY("target_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "goal_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"organisation_id" uuid,
	"measured_on" date NOT NULL,
	"value" numeric NOT NULL,
	"note" text,
	"recorded_by_person_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"title" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" numeric DEFAULT '0' NOT NULL,
	"target_value" numeric NOT NULL,
	"weight" numeric DEFAULT '1' NOT NULL,
	"due" text,
	"due_day" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_target_weight_positive" CHECK ("goal_target"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "speaker" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"affiliation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sponsorship" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"mandate_id" uuid NOT NULL,
	"dossier_id" uuid,
	"theme" text,
	"title" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sponsorship_one_subject" CHECK (("sponsorship"."dossier_id" is null) <> ("sponsorship"."theme" is null)),
	CONSTRAINT "sponsorship_dates_ordered" CHECK ("sponsorship"."end_date" is null or "sponsorship"."end_date" >= "sponsorship"."start_date")
);
--> statement-breakpoint
CREATE TABLE "subsidy" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"funder_organisation_id" uuid,
	"funder_level" text NOT NULL,
	"call_name" text NOT NULL,
	"call_reference" text,
	"amount_applied_cents" bigint,
	"amount_awarded_cents" bigint,
	"amount_paid_cents" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_milestone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"planned" text,
	"planned_day" date,
	"actual" text,
	"actual_day" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bottleneck" ADD CONSTRAINT "bottleneck_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bottleneck" ADD CONSTRAINT "bottleneck_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bottleneck" ADD CONSTRAINT "bottleneck_addressee_organisation_id_organisation_id_fk" FOREIGN KEY ("addressee_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_parent_id_dossier_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_lead_organisation_id_organisation_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_lead_person_id_person_id_fk" FOREIGN KEY ("lead_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_crisis_period_id_crisis_period_id_fk" FOREIGN KEY ("crisis_period_id") REFERENCES "public"."crisis_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_body" ADD CONSTRAINT "dossier_body_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_body" ADD CONSTRAINT "dossier_body_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_body" ADD CONSTRAINT "dossier_body_body_id_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_in_reply_to_id_dossier_entry_id_fk" FOREIGN KEY ("in_reply_to_id") REFERENCES "public"."dossier_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_entry" ADD CONSTRAINT "dossier_entry_recorded_by_person_id_person_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follower" ADD CONSTRAINT "dossier_follower_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follower" ADD CONSTRAINT "dossier_follower_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_follower" ADD CONSTRAINT "dossier_follower_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_item" ADD CONSTRAINT "dossier_item_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_item" ADD CONSTRAINT "dossier_item_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_item" ADD CONSTRAINT "dossier_item_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_item" ADD CONSTRAINT "dossier_item_linked_by_person_id_person_id_fk" FOREIGN KEY ("linked_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_municipality" ADD CONSTRAINT "dossier_municipality_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_municipality" ADD CONSTRAINT "dossier_municipality_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_municipality" ADD CONSTRAINT "dossier_municipality_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_phase" ADD CONSTRAINT "dossier_phase_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_phase" ADD CONSTRAINT "dossier_phase_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_question" ADD CONSTRAINT "dossier_question_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_question" ADD CONSTRAINT "dossier_question_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_question" ADD CONSTRAINT "dossier_question_asked_by_person_id_person_id_fk" FOREIGN KEY ("asked_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_question" ADD CONSTRAINT "dossier_question_speaker_id_speaker_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."speaker"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_question" ADD CONSTRAINT "dossier_question_merged_into_id_dossier_question_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."dossier_question"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_local_target" ADD CONSTRAINT "goal_local_target_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_local_target" ADD CONSTRAINT "goal_local_target_target_id_goal_target_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."goal_target"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_local_target" ADD CONSTRAINT "goal_local_target_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_target_id_goal_target_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."goal_target"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD CONSTRAINT "goal_progress_recorded_by_person_id_person_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_target" ADD CONSTRAINT "goal_target_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_target" ADD CONSTRAINT "goal_target_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker" ADD CONSTRAINT "speaker_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker" ADD CONSTRAINT "speaker_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_mandate_id_mandate_id_fk" FOREIGN KEY ("mandate_id") REFERENCES "public"."mandate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy" ADD CONSTRAINT "subsidy_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy" ADD CONSTRAINT "subsidy_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy" ADD CONSTRAINT "subsidy_funder_organisation_id_organisation_id_fk" FOREIGN KEY ("funder_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_milestone" ADD CONSTRAINT "subsidy_milestone_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_milestone" ADD CONSTRAINT "subsidy_milestone_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_region_idx" ON "dossier" USING btree ("region_id","type","status");--> statement-breakpoint
CREATE INDEX "dossier_parent_idx" ON "dossier" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "dossier_body_body_idx" ON "dossier_body" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "dossier_entry_dossier_idx" ON "dossier_entry" USING btree ("dossier_id","occurred_on");--> statement-breakpoint
CREATE INDEX "dossier_entry_region_idx" ON "dossier_entry" USING btree ("region_id","recorded_at");--> statement-breakpoint
CREATE INDEX "dossier_follower_person_idx" ON "dossier_follower" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "dossier_item_item_idx" ON "dossier_item" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "dossier_municipality_org_idx" ON "dossier_municipality" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "dossier_phase_dossier_idx" ON "dossier_phase" USING btree ("dossier_id","start_day");--> statement-breakpoint
CREATE INDEX "dossier_question_dossier_idx" ON "dossier_question" USING btree ("dossier_id","asked_at");--> statement-breakpoint
CREATE INDEX "goal_progress_target_idx" ON "goal_progress" USING btree ("target_id","organisation_id","measured_on");--> statement-breakpoint
CREATE INDEX "goal_target_dossier_idx" ON "goal_target" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "speaker_region_idx" ON "speaker" USING btree ("region_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "speaker_person_idx" ON "speaker" USING btree ("region_id","person_id");--> statement-breakpoint
CREATE INDEX "sponsorship_dossier_idx" ON "sponsorship" USING btree ("dossier_id","start_date");--> statement-breakpoint
CREATE INDEX "sponsorship_person_idx" ON "sponsorship" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "subsidy_milestone_dossier_idx" ON "subsidy_milestone" USING btree ("dossier_id","planned_day");--> statement-breakpoint
CREATE INDEX "subsidy_milestone_region_idx" ON "subsidy_milestone" USING btree ("region_id","planned_day");
--> statement-breakpoint
-- Dossiers move their region's data generation on, as the other features' tables do (ADR 0025): their pages may read through the cache.
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dossier DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dossier FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dossier_body DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dossier_body FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dossier_municipality DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dossier_municipality FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dossier_phase DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dossier_phase FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dossier_item DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dossier_item FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dossier_entry DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dossier_entry FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON sponsorship DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON sponsorship FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON goal_target DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON goal_target FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON goal_local_target DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON goal_local_target FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON goal_progress DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON goal_progress FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON subsidy DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON subsidy FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON subsidy_milestone DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON subsidy_milestone FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON bottleneck DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON bottleneck FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON speaker DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON speaker FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dossier_question DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dossier_question FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dossier_follower DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dossier_follower FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
