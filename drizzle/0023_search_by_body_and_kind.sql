-- Search within one body or one kind (ADR 0034): each in time order, so that for a common word the planner
-- walks that body's or kind's newest rows and stops after the candidates, as it walks the region's. Measured
-- at 1M rows (docs/benchmarks.md): within the smallest body 159 ms p50 without the index (the planner
-- combined the region's and the body's bitmaps and sorted), 20 ms with it; within the kind "dossier" 85 ms,
-- 22 ms with it.
CREATE INDEX search_document_body_sort_idx ON search_document (region_id, body_id, sort_at DESC NULLS LAST) WHERE body_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX search_document_kind_sort_idx ON search_document (region_id, kind, sort_at DESC NULLS LAST);
