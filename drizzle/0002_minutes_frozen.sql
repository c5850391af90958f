-- Approved minutes are immutable: the database itself refuses to change or delete an approved
-- version or its entries (the services refuse first, with a message; this is the last line).
CREATE FUNCTION minutes_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.status = 'approved' THEN
		RAISE EXCEPTION 'approved minutes are immutable' USING ERRCODE = 'check_violation';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER minutes_version_frozen BEFORE UPDATE OR DELETE ON minutes_version
	FOR EACH ROW EXECUTE FUNCTION minutes_version_frozen();
--> statement-breakpoint
CREATE FUNCTION minutes_entry_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	version_id uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.minutes_version_id ELSE OLD.minutes_version_id END;
BEGIN
	IF EXISTS (SELECT 1 FROM minutes_version WHERE id = version_id AND status = 'approved') THEN
		RAISE EXCEPTION 'approved minutes are immutable' USING ERRCODE = 'check_violation';
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER minutes_entry_frozen BEFORE INSERT OR UPDATE OR DELETE ON minutes_entry
	FOR EACH ROW EXECUTE FUNCTION minutes_entry_frozen();
