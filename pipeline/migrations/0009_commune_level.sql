-- Issue 11: the commune level of the 2025 two-tier local government (extractor data only; no table changes).
COMMENT ON COLUMN units.level IS 'national, national_industry, province, province_industry, district, commune (the union of a commune or ward, "Công đoàn xã/phường X", from 1 July 2025) or grassroots.';
