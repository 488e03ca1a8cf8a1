-- The weekly schedule (issue 10): a person's scheduled minutes in one week at a location never exceed
-- Location.maxWeeklyShiftMinutes. Weeks are business weeks in the location's time zone: they start on
-- Monday at the business-day cut-off hour (lib/time/business-day.ts), so Sunday's closing shift until
-- 02:00 belongs to Sunday's week; a shift that crosses the boundary counts its minutes on each side.
--
-- Refused with SQLSTATE 'SH001' (the app maps it to a field error on endsAt; lib/schedule/shift-db-errors.ts).
-- An AFTER trigger sees the row being written; the advisory lock makes one transaction at a time count a
-- person's weeks, so two concurrent inserts that are each under the limit cannot both commit over it
-- (the second waits, then counts with a fresh snapshot under READ COMMITTED that includes the first).

CREATE FUNCTION "Shift_weekly_limit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  cutoff interval;
  max_minutes integer;
  week_local timestamp;
  last_local timestamp;
  week_start timestamp;
  week_end timestamp;
  total numeric;
BEGIN
  SELECT "timezone", make_interval(hours => "businessDayCutoffHour"), "maxWeeklyShiftMinutes"
    INTO tz, cutoff, max_minutes FROM "Location" WHERE "id" = NEW."locationId";
  PERFORM pg_advisory_xact_lock(hashtext('Shift_weekly_limit'), hashtext(NEW."userId"));
  -- Timestamps are stored as UTC wall-clock values (timestamp without time zone).
  week_local := date_trunc('week', ((NEW."startsAt" AT TIME ZONE 'UTC') AT TIME ZONE tz) - cutoff) + cutoff;
  last_local := (NEW."endsAt" AT TIME ZONE 'UTC') AT TIME ZONE tz;
  WHILE week_local < last_local LOOP
    week_start := (week_local AT TIME ZONE tz) AT TIME ZONE 'UTC';
    week_end := ((week_local + interval '7 days') AT TIME ZONE tz) AT TIME ZONE 'UTC';
    SELECT COALESCE(SUM(EXTRACT(EPOCH FROM (LEAST("endsAt", week_end) - GREATEST("startsAt", week_start))) / 60), 0)
      INTO total
      FROM "Shift"
     WHERE "userId" = NEW."userId" AND "locationId" = NEW."locationId"
       AND "startsAt" < week_end AND "endsAt" > week_start;
    IF total > max_minutes THEN
      RAISE EXCEPTION 'Shift_weekly_limit: % scheduled minutes in the week of % exceed % ', round(total), week_local::date, max_minutes
        USING ERRCODE = 'SH001',
              DETAIL = json_build_object('weekStart', week_local::date, 'minutes', round(total), 'limit', max_minutes)::text;
    END IF;
    week_local := week_local + interval '7 days';
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Shift_weekly_limit"
  AFTER INSERT OR UPDATE OF "userId", "locationId", "startsAt", "endsAt" ON "Shift"
  FOR EACH ROW EXECUTE FUNCTION "Shift_weekly_limit"();
