-- Desk sessions ended by a logout before their expiry, by the SHA-256 of
-- the cookie value (never the cookie itself), so that every process
-- refuses them, also after a restart. A row is dropped once the session
-- would have expired anyway.
CREATE TABLE revoked_sessions (
	session TEXT    NOT NULL PRIMARY KEY,
	until   INTEGER NOT NULL
) WITHOUT ROWID;
