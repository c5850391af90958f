-- Search within one meeting or one dossier (ADR 0034): with the candidates ordered by time, the planner
-- would otherwise walk the whole region in time order to reach an old meeting's few rows.
CREATE INDEX search_document_meeting_idx ON search_document (meeting_id) WHERE meeting_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX search_document_dossier_idx ON search_document (dossier_id) WHERE dossier_id IS NOT NULL;
