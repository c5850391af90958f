CREATE TABLE "registry_membership" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"member_organisation_id" uuid,
	"member_structure_id" uuid,
	"role" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"source_id" uuid NOT NULL,
	"evidence" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"superseded_at" timestamp with time zone,
	"corrects_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_membership_dates_ordered" CHECK ("registry_membership"."end_date" is null or "registry_membership"."end_date" >= "registry_membership"."start_date"),
	CONSTRAINT "registry_membership_one_member" CHECK (("registry_membership"."member_organisation_id" is null) <> ("registry_membership"."member_structure_id" is null))
);
--> statement-breakpoint
CREATE TABLE "registry_source" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"evidence" text,
	"file_sha256" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_structure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"legal_form" text NOT NULL,
	"classification_uri" text,
	"policy_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"core_task" text,
	"website" text,
	"statutes_url" text,
	"fictional" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"happened_on" text NOT NULL,
	"day" date NOT NULL,
	"before_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"after_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"source_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registry_membership" ADD CONSTRAINT "registry_membership_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_membership" ADD CONSTRAINT "registry_membership_structure_id_registry_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."registry_structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_membership" ADD CONSTRAINT "registry_membership_member_organisation_id_organisation_id_fk" FOREIGN KEY ("member_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_membership" ADD CONSTRAINT "registry_membership_member_structure_id_registry_structure_id_fk" FOREIGN KEY ("member_structure_id") REFERENCES "public"."registry_structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_membership" ADD CONSTRAINT "registry_membership_source_id_registry_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."registry_source"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_membership" ADD CONSTRAINT "registry_membership_corrects_id_registry_membership_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."registry_membership"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_source" ADD CONSTRAINT "registry_source_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_structure" ADD CONSTRAINT "registry_structure_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_event" ADD CONSTRAINT "registry_event_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_event" ADD CONSTRAINT "registry_event_structure_id_registry_structure_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."registry_structure"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_event" ADD CONSTRAINT "registry_event_source_id_registry_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."registry_source"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_membership_structure_idx" ON "registry_membership" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "registry_membership_source_idx" ON "registry_membership" USING btree ("source_id","start_date");--> statement-breakpoint
CREATE INDEX "registry_membership_organisation_idx" ON "registry_membership" USING btree ("member_organisation_id");--> statement-breakpoint
CREATE INDEX "registry_source_region_idx" ON "registry_source" USING btree ("region_id","recorded_at");--> statement-breakpoint
CREATE INDEX "registry_source_file_idx" ON "registry_source" USING btree ("region_id","file_sha256");--> statement-breakpoint
CREATE INDEX "registry_structure_region_idx" ON "registry_structure" USING btree ("region_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_structure_region_code_idx" ON "registry_structure" USING btree ("region_id","code");--> statement-breakpoint
CREATE INDEX "registry_event_structure_idx" ON "registry_event" USING btree ("structure_id","day");