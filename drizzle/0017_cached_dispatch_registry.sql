-- The information flow's and the registry's tables move their region's data generation on, as the meeting
-- tables do (0004, 0008): the dispatch dashboard and the registry's pages are then read through the cache
-- on PostgreSQL too, exact over every write (docs/decisions/0025-cached-dashboard-and-registry.md).
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dispatch_setting DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dispatch_setting FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dispatch_audience DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dispatch_audience FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dispatch_recipient DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dispatch_recipient FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dispatch DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dispatch FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dispatch_version DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dispatch_version FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dispatch_delivery DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dispatch_delivery FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dispatch_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dispatch_event FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON dispatch_alarm DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON dispatch_alarm FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON registry_structure DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON registry_structure FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON registry_source DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON registry_source FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON registry_membership DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON registry_membership FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation AFTER INSERT OR UPDATE OR DELETE ON registry_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_generation();
--> statement-breakpoint
CREATE TRIGGER data_generation_truncate AFTER TRUNCATE ON registry_event FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
