-- Move the data generation on at commit, after every other lock the transaction takes: a statement
-- trigger took the counter row's lock at the first write, and two writers that then needed each
-- other's rows (a meeting and its previous meeting) could deadlock. Deferred constraint triggers are
-- per row; TRUNCATE (never done by the application) keeps a statement trigger.
DROP TRIGGER data_generation ON region;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON region DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON region FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON organisation;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON organisation DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON organisation FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON body;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON body DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON body FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON person;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON person DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON person FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON mandate;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON mandate DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON mandate FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON account;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON account DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON account FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON crisis_period;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON crisis_period DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON crisis_period FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON meeting;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON meeting DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON meeting FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON agenda_item;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON agenda_item DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON agenda_item FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON agenda_item_speaker;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON agenda_item_speaker DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON agenda_item_speaker FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON document;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON document DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON document FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON document_version;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON document_version DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON document_version FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON attendance;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON attendance DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON attendance FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON minutes_version;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON minutes_version DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON minutes_version FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON minutes_entry;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON minutes_entry DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON minutes_entry FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON minutes_comment;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON minutes_comment DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON minutes_comment FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
DROP TRIGGER data_generation ON follow_up_action;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON follow_up_action DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON follow_up_action FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
