-- The letters of one status, by origin, without reading the table: what a health check counts every few seconds
-- (dead_letter_count_by_origin), however many resolved letters have piled up.
CREATE INDEX ordo_dead_letters_status_idx ON ordo_dead_letters (status, origin_kind, origin_name);
