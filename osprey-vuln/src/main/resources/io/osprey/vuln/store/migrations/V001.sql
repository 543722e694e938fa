-- V001: the vulnerability intelligence tables. One statement per ';' at the end of a line.
-- NVD CVE records (CVE API 2.0). configurations_json keeps NVD's configurations array as written, so the full
-- semantics (AND/OR, negate, version bounds, platforms) can be evaluated; cve_product indexes its vulnerable
-- (part, vendor, product) triples to find candidate records for a device without parsing every record.
CREATE TABLE cve (
    id VARCHAR NOT NULL,
    published TIMESTAMP,
    last_modified TIMESTAMP NOT NULL,
    status VARCHAR,
    description VARCHAR,
    cvss3_version VARCHAR, cvss3_score DOUBLE, cvss3_vector VARCHAR, cvss3_severity VARCHAR,
    cvss4_score DOUBLE, cvss4_vector VARCHAR, cvss4_severity VARCHAR,
    cvss2_score DOUBLE, cvss2_vector VARCHAR, cvss2_severity VARCHAR,
    cwes VARCHAR,
    has_configurations BOOLEAN NOT NULL,
    configurations_json VARCHAR,
    cisa_exploit_add DATE
);
CREATE TABLE cve_reference (
    cve_id VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    tags VARCHAR
);
CREATE TABLE cve_product (
    cve_id VARCHAR NOT NULL,
    part VARCHAR NOT NULL,
    vendor VARCHAR NOT NULL,
    product VARCHAR NOT NULL
);
-- CISA Known Exploited Vulnerabilities catalog.
CREATE TABLE kev (
    cve_id VARCHAR NOT NULL,
    vendor_project VARCHAR,
    product VARCHAR,
    vulnerability_name VARCHAR,
    date_added DATE,
    due_date DATE,
    known_ransomware_campaign_use VARCHAR,
    required_action VARCHAR,
    content_hash VARCHAR NOT NULL
);
-- FIRST EPSS scores: one row per CVE, the newest score date wins.
CREATE TABLE epss (
    cve_id VARCHAR NOT NULL,
    score DOUBLE NOT NULL,
    percentile DOUBLE NOT NULL,
    score_date DATE,
    model_version VARCHAR
);
-- CSAF 2.0 advisories: the document, its product tree leaves, product status per CVE, remediations.
CREATE TABLE csaf_advisory (
    id VARCHAR NOT NULL,
    title VARCHAR,
    publisher VARCHAR,
    initial_release TIMESTAMP,
    current_release TIMESTAMP,
    tracking_version VARCHAR,
    source_url VARCHAR
);
CREATE TABLE csaf_product (
    advisory_id VARCHAR NOT NULL,
    product_id VARCHAR NOT NULL,
    vendor VARCHAR,
    product_name VARCHAR,
    product_version VARCHAR,
    version_range VARCHAR,
    full_name VARCHAR,
    cpe VARCHAR
);
CREATE TABLE csaf_product_status (
    advisory_id VARCHAR NOT NULL,
    cve_id VARCHAR,
    product_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL
);
CREATE TABLE csaf_remediation (
    advisory_id VARCHAR NOT NULL,
    cve_id VARCHAR,
    category VARCHAR,
    details VARCHAR,
    url VARCHAR,
    product_ids VARCHAR
);
