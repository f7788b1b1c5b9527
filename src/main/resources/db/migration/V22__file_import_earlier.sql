-- An "already imported" file (the same content as an earlier import, under any name) names that earlier import,
-- so that its report and the console's imports page can link to the earlier report (issue #12).
alter table file_import add column earlier_import_id varchar(36);
