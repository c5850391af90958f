CREATE TABLE "search_document" (
	"region_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"object_id" uuid NOT NULL,
	"part" text DEFAULT '' NOT NULL,
	"root_kind" text NOT NULL,
	"root_id" uuid NOT NULL,
	"meeting_id" uuid,
	"body_id" uuid,
	"agenda_published_at" timestamp with time zone,
	"agenda_item_id" uuid,
	"confidentiality" text,
	"item_confidentiality" text,
	"brought_by_person_id" uuid,
	"brought_by_organisation_id" uuid,
	"minutes_status" text,
	"dossier_id" uuid,
	"dossier_confidentiality" text,
	"lead_organisation_id" uuid,
	"session_id" uuid,
	"session_status" text,
	"session_public" boolean,
	"status" text,
	"asked_by_person_id" uuid,
	"consent_to_publish" boolean,
	"merged_into_id" uuid,
	"submitted_by_person_id" uuid,
	"common_problem" boolean,
	"organisation_id" uuid,
	"themes" text[],
	"year" integer,
	"sort_at" timestamp with time zone,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"title_key" text NOT NULL,
	"summary" text,
	"meta" text,
	"body" text,
	"tsv" "tsvector" NOT NULL,
	"version" integer NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_document_kind_object_id_part_pk" PRIMARY KEY("kind","object_id","part")
);
--> statement-breakpoint
CREATE TABLE "search_queue" (
	"kind" text NOT NULL,
	"object_id" uuid NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_queue_kind_object_id_pk" PRIMARY KEY("kind","object_id")
);
--> statement-breakpoint
-- Search (ADR 0032). The extensions are trusted (a database owner may create them) and PGlite loads them
-- (db/client.ts PGLITE_EXTENSIONS).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
-- The analysers: Dutch, French and English with their stemmers and stop words, and names (no stemming);
-- all without accents, so café finds cafe and Zwévegem finds Zwevegem.
CREATE TEXT SEARCH CONFIGURATION aanjager_nl (COPY = pg_catalog.dutch);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION aanjager_nl ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION aanjager_fr (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION aanjager_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION aanjager_en (COPY = pg_catalog.english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION aanjager_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION aanjager_names (COPY = pg_catalog.simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION aanjager_names ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
--> statement-breakpoint
-- The language of a text, guessed from its most frequent function words (Dutch when in doubt).
CREATE FUNCTION search_language(content text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE
		WHEN fr > nl AND fr >= en THEN 'fr'
		WHEN en > nl AND en > fr THEN 'en'
		ELSE 'nl' END
	FROM (SELECT
		regexp_count(t, '\m(le|la|les|des|du|et|est|une|pour|dans|sur|aux|au|qui|que)\M') AS fr,
		regexp_count(t, '\m(de|het|een|en|van|voor|niet|met|op|is|te|dat|die|zijn|bij)\M') AS nl,
		regexp_count(t, '\m(the|and|of|to|for|with|is|on|that|this|are|from|by)\M') AS en
		FROM (SELECT lower(left(coalesce(content, ''), 4000)) AS t) s) c
$$;
--> statement-breakpoint
CREATE FUNCTION search_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE language WHEN 'fr' THEN 'aanjager_fr'::regconfig WHEN 'en' THEN 'aanjager_en'::regconfig
		WHEN 'names' THEN 'aanjager_names'::regconfig ELSE 'aanjager_nl'::regconfig END
$$;
--> statement-breakpoint
-- The weighted vector: A title, B summary, C metadata, D extracted text. Names are also indexed as names in
-- every text (a municipality in a Dutch title is found by its name whatever the stemmer makes of it).
CREATE FUNCTION search_vector(language text, title text, summary text, meta text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT setweight(to_tsvector(search_config(language), coalesce(title, '')), 'A')
		|| setweight(to_tsvector('aanjager_names', coalesce(title, '')), 'A')
		|| setweight(to_tsvector(search_config(language), coalesce(summary, '')), 'B')
		|| setweight(to_tsvector(search_config(language), coalesce(meta, '')), 'C')
		|| setweight(to_tsvector('aanjager_names', coalesce(meta, '')), 'C')
		|| setweight(to_tsvector(search_config(language), coalesce(body, '')), 'D')
$$;
--> statement-breakpoint
CREATE INDEX search_document_region_tsv_idx ON search_document USING gin (region_id, tsv);
--> statement-breakpoint
CREATE INDEX search_document_region_title_trgm_idx ON search_document USING gin (region_id, title_key gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX search_document_root_idx ON search_document (root_kind, root_id);
--> statement-breakpoint
CREATE INDEX search_document_version_idx ON search_document (version);
--> statement-breakpoint
-- Queue the root a changed row belongs to (TG_ARGV: the root's kind, the column holding its id or the id
-- to look it up by, and optionally the lookup: a query of root ids for $1). Runs in the writer's transaction.
CREATE FUNCTION search_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	key text;
BEGIN
	FOR key IN SELECT DISTINCT k FROM unnest(ARRAY[
		CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> TG_ARGV[1] END,
		CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> TG_ARGV[1] END]) AS k WHERE k IS NOT NULL
	LOOP
		IF TG_NARGS > 2 THEN
			EXECUTE 'INSERT INTO search_queue (kind, object_id) SELECT DISTINCT $2, r FROM (' || TG_ARGV[2]
				|| ') AS roots(r) WHERE r IS NOT NULL ON CONFLICT DO NOTHING' USING key::uuid, TG_ARGV[0];
		ELSE
			INSERT INTO search_queue (kind, object_id) VALUES (TG_ARGV[0], key::uuid) ON CONFLICT DO NOTHING;
		END IF;
	END LOOP;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON meeting FOR EACH ROW EXECUTE FUNCTION search_enqueue('meeting', 'id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON agenda_item FOR EACH ROW EXECUTE FUNCTION search_enqueue('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON document FOR EACH ROW EXECUTE FUNCTION search_enqueue('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON document_version FOR EACH ROW EXECUTE FUNCTION search_enqueue('meeting', 'document_id', 'SELECT meeting_id FROM document WHERE id = $1');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER UPDATE OF extracted_text ON stored_file FOR EACH ROW EXECUTE FUNCTION search_enqueue('meeting', 'id', 'SELECT d.meeting_id FROM document_version v JOIN document d ON d.id = v.document_id WHERE v.file_id = $1');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON minutes_version FOR EACH ROW EXECUTE FUNCTION search_enqueue('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON minutes_entry FOR EACH ROW EXECUTE FUNCTION search_enqueue('meeting', 'minutes_version_id', 'SELECT meeting_id FROM minutes_version WHERE id = $1');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON follow_up_action FOR EACH ROW EXECUTE FUNCTION search_enqueue('meeting', 'meeting_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON topic FOR EACH ROW EXECUTE FUNCTION search_enqueue('topic', 'id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON dossier FOR EACH ROW EXECUTE FUNCTION search_enqueue('dossier', 'id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON dossier_entry FOR EACH ROW EXECUTE FUNCTION search_enqueue('dossier', 'dossier_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON dossier_question FOR EACH ROW EXECUTE FUNCTION search_enqueue('dossier', 'dossier_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON dossier_body FOR EACH ROW EXECUTE FUNCTION search_enqueue('dossier', 'dossier_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON bottleneck FOR EACH ROW EXECUTE FUNCTION search_enqueue('dossier', 'dossier_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON info_session FOR EACH ROW EXECUTE FUNCTION search_enqueue('session', 'id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON session_question FOR EACH ROW EXECUTE FUNCTION search_enqueue('session', 'session_id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON person FOR EACH ROW EXECUTE FUNCTION search_enqueue('person', 'id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON organisation FOR EACH ROW EXECUTE FUNCTION search_enqueue('organisation', 'id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON body FOR EACH ROW EXECUTE FUNCTION search_enqueue('body', 'id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON registry_structure FOR EACH ROW EXECUTE FUNCTION search_enqueue('structure', 'id');
--> statement-breakpoint
CREATE TRIGGER search_enqueue AFTER INSERT OR UPDATE OR DELETE ON dispatch FOR EACH ROW EXECUTE FUNCTION search_enqueue('dispatch', 'id');
--> statement-breakpoint
-- What exists already is found after the first drain.
INSERT INTO search_queue (kind, object_id)
	SELECT 'meeting', id FROM meeting UNION ALL SELECT 'topic', id FROM topic UNION ALL SELECT 'dossier', id FROM dossier
	UNION ALL SELECT 'session', id FROM info_session UNION ALL SELECT 'person', id FROM person
	UNION ALL SELECT 'organisation', id FROM organisation UNION ALL SELECT 'body', id FROM body
	UNION ALL SELECT 'structure', id FROM registry_structure UNION ALL SELECT 'dispatch', id FROM dispatch
	ON CONFLICT DO NOTHING;
