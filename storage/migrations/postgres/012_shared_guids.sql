-- (SQLite's migration 012.) The items whose guid their feed gave to several different items, so
-- that they are stored under their link (or text) instead: few rows, by
-- source and guid. A later document that lists one such item alone under
-- that guid finds it here and keeps its stored identity (storage's
-- adoptSharedGUIDs).
CREATE INDEX items_shared_guid ON items (source_id, guid) WHERE guid <> '' AND substr(key, 1, 5) <> 'guid:';
