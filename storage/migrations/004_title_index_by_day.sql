-- The same-title rule looks within a day or two of an item's date, so its
-- index leads with the day. Keyed by title alone, every new item's key
-- landed on a random leaf of an index that grows with everything stored
-- (with a million items, a page read and a page write per item); keyed by
-- day, new keys go to the few leaves of the current days, which stay in the
-- page cache whatever the number stored.
DROP INDEX items_title_key;
CREATE INDEX items_title_day ON items (sort_at / 86400, title_key) WHERE title_key <> '';
