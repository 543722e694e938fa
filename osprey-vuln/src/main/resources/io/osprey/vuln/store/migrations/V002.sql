-- V002: what the analysts decide and what the sensor remembers between runs, next to the intelligence.
-- The value a user gives a device (Low, Normal, High): it weighs on the device's exposure.
CREATE TABLE asset_value (
    device_id VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL,
    set_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
-- A recommendation accepted for a device, with why and until when.
CREATE TABLE recommendation_exception (
    device_id VARCHAR NOT NULL,
    recommendation_id VARCHAR NOT NULL,
    justification VARCHAR NOT NULL,
    expires DATE NOT NULL,
    PRIMARY KEY (device_id, recommendation_id)
);
-- Each recommendation a device ever had: active while its evidence is seen, resolved once it stops.
CREATE TABLE recommendation_state (
    device_id VARCHAR NOT NULL,
    recommendation_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL,
    PRIMARY KEY (device_id, recommendation_id)
);
-- Each alert ever raised: New on its first run, Active when a later run raises it again, Closed after 90 quiet days.
CREATE TABLE alert_state (
    alert_id VARCHAR PRIMARY KEY,
    definition_id VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    source_device VARCHAR,
    destination_device VARCHAR,
    status VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL,
    count BIGINT NOT NULL,
    runs INTEGER NOT NULL
);
