-- CreateTable
CREATE TABLE "MenuVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MenuVersion_pkey" PRIMARY KEY ("id")
);


ALTER TABLE "MenuVersion" ADD CONSTRAINT "MenuVersion_one_row" CHECK (id = 1);
-- The values come from a sequence no table owns: they never repeat, not even after a TRUNCATE
-- … RESTART IDENTITY of every table (the tests' reset), so a cached version cannot match by chance.
CREATE SEQUENCE menu_version_seq;
INSERT INTO "MenuVersion" (id, version) VALUES (1, nextval('menu_version_seq'));

-- Any change to what the live menu shows bumps the version in the changing transaction (so a
-- reader never sees the new version before the data). Statement level: one bump per statement.
CREATE FUNCTION bump_menu_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MenuVersion" (id, version) VALUES (1, nextval('menu_version_seq'))
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "MenuCategory_menu_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MenuCategory"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_menu_version();
CREATE TRIGGER "MenuItem_menu_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MenuItem"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_menu_version();
CREATE TRIGGER "ModifierGroup_menu_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ModifierGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_menu_version();
CREATE TRIGGER "Modifier_menu_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Modifier"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_menu_version();
CREATE TRIGGER "MenuItemModifierGroup_menu_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MenuItemModifierGroup"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_menu_version();
CREATE TRIGGER "MenuItemAvailability_menu_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MenuItemAvailability"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_menu_version();
CREATE TRIGGER "AvailabilityWindow_menu_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "AvailabilityWindow"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_menu_version();
CREATE TRIGGER "Location_menu_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Location"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_menu_version();
