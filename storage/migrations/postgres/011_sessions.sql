-- Desk sessions ended by a logout before their expiry (SQLite's migration
-- 011), by the SHA-256 of the cookie value, so that every process refuses
-- them, also after a restart.
CREATE TABLE revoked_sessions (
	session TEXT   COLLATE "C" NOT NULL PRIMARY KEY,
	until   BIGINT NOT NULL
);
