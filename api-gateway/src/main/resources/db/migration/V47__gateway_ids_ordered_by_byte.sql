-- Ids are compared byte by byte, as in V45 (see there).
ALTER TABLE media_file
    ALTER COLUMN media_id TYPE varchar(32) COLLATE "C",
    ALTER COLUMN owner_id TYPE varchar(32) COLLATE "C";
ALTER TABLE personal_data_key
    ALTER COLUMN subject_id TYPE varchar(64) COLLATE "C";
