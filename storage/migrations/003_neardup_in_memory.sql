-- The near-duplicate band index leaves SQLite: it is rebuilt in memory from
-- the signatures table at open (storage/nearindex.go). Its 32 rows per item
-- on random B-tree pages were most of the cost of storing an item and
-- about 900 bytes of the file per item.
DROP TABLE neardup_bands;
