-- The signature encoding every stored signature is known to use: resign
-- (storage/backfill.go) sets it once it has signed again what an older
-- encoding left, and skips its scan at the next Open while the encoding
-- is the same (the scan read every signature of 45 days at each start).
ALTER TABLE change_seq ADD COLUMN signing INTEGER NOT NULL DEFAULT 0;
