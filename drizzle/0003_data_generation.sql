-- A data generation for exact read caches across processes (docs/decisions/0008): every statement
-- that changes a table that cached reads use moves it on, in the same transaction as the change.
CREATE TABLE data_generation (
	id boolean PRIMARY KEY DEFAULT true CHECK (id),
	value bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO data_generation (id, value) VALUES (true, 0);
--> statement-breakpoint
CREATE FUNCTION bump_data_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE data_generation SET value = value + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON region FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON body FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON mandate FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON account FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON crisis_period FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meeting FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agenda_item FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agenda_item_speaker FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_version FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attendance FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON minutes_version FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON minutes_entry FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON minutes_comment FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON follow_up_action FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
