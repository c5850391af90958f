-- Search within one meeting, one dossier, one municipality or one theme (ADR 0034): the filters that can
-- leave few rows get an index each, so the planner reads those rows instead of walking the whole region in
-- time order (measured at 1M: 1.7 s within the oldest meeting, 2 s to find nothing in the smallest
-- municipality, without them). A theme is matched with @> so its GIN index applies.
CREATE INDEX search_document_meeting_idx ON search_document (meeting_id) WHERE meeting_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX search_document_dossier_idx ON search_document (dossier_id) WHERE dossier_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX search_document_organisation_idx ON search_document (organisation_id) WHERE organisation_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX search_document_themes_idx ON search_document USING gin (themes);
