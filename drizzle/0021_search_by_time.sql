-- Search candidates the newest first (ADR 0034): a common word walks the region's rows in time order and
-- stops after the first 1,001 that match and that the reader may see, instead of reading the bitmap of all
-- the region's matches before the limit can stop it.
CREATE INDEX search_document_region_sort_idx ON search_document (region_id, sort_at DESC NULLS LAST);
