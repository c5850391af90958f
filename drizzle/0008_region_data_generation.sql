-- One data generation per region (docs/decisions/0008): a change moves on the counter row of the changed
-- row's region, so writers of different regions never update, or wait for, the same row. data_generation
-- stays as the global generation, for what names no region: TRUNCATE, and a row without a region.
-- A region's row appears at its first change (a cached read counts a missing row as 0); a row's region
-- never changes, so an update moves on one row (both, were it ever moved to another region).
CREATE TABLE region_data_generation (
	region_id uuid PRIMARY KEY,
	value bigint NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION bump_region_data_generation(changed uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF changed IS NULL THEN
		UPDATE data_generation SET value = value + 1;
	ELSE
		INSERT INTO region_data_generation AS g (region_id, value) VALUES (changed, 1)
			ON CONFLICT (region_id) DO UPDATE SET value = g.value + 1;
	END IF;
END $$;
--> statement-breakpoint
-- The same function the triggers of 0003 and 0004 call: row triggers (deferred to the commit) name the
-- row's region (a region's own row: its id); the TRUNCATE statement triggers name none.
CREATE OR REPLACE FUNCTION bump_data_generation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	before_region uuid;
	after_region uuid;
BEGIN
	IF TG_LEVEL = 'STATEMENT' THEN
		PERFORM bump_region_data_generation(NULL);
		RETURN NULL;
	END IF;
	IF TG_OP <> 'INSERT' THEN
		IF TG_TABLE_NAME = 'region' THEN
			before_region := OLD.id;
		ELSE
			before_region := OLD.region_id;
		END IF;
		PERFORM bump_region_data_generation(before_region);
	END IF;
	IF TG_OP <> 'DELETE' THEN
		IF TG_TABLE_NAME = 'region' THEN
			after_region := NEW.id;
		ELSE
			after_region := NEW.region_id;
		END IF;
		IF TG_OP = 'INSERT' OR after_region IS DISTINCT FROM before_region THEN
			PERFORM bump_region_data_generation(after_region);
		END IF;
	END IF;
	RETURN NULL;
END $$;
