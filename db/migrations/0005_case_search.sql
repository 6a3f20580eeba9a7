ALTER TABLE "cases" ADD COLUMN "search_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Name search reads cases.search_name, a copy of the debtor's. Triggers keep it, so every insert path (registration,
-- seeds, test factories, raw SQL) gets it without knowing: a case takes its debtor's on insert or debtor change,
-- and a debtor's new search_name reaches all its cases.
CREATE FUNCTION "cases_take_debtor_search_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT d.search_name INTO NEW.search_name FROM debtors d WHERE d.id = NEW.debtor_id;
  NEW.search_name := coalesce(NEW.search_name, '');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "cases_search_name_on_write" BEFORE INSERT OR UPDATE OF "debtor_id", "search_name" ON "cases"
  FOR EACH ROW EXECUTE FUNCTION "cases_take_debtor_search_name"();--> statement-breakpoint
CREATE FUNCTION "debtors_pass_search_name_to_cases"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases SET search_name = NEW.search_name WHERE company_id = NEW.company_id AND debtor_id = NEW.id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "debtors_search_name_to_cases" AFTER UPDATE OF "search_name" ON "debtors"
  FOR EACH ROW WHEN (OLD.search_name IS DISTINCT FROM NEW.search_name) EXECUTE FUNCTION "debtors_pass_search_name_to_cases"();--> statement-breakpoint
-- Backfill before the index is built (one pass, then one index build).
UPDATE "cases" c SET "search_name" = d.search_name FROM "debtors" d WHERE d.id = c.debtor_id;--> statement-breakpoint
CREATE INDEX "cases_search_name_trgm_idx" ON "cases" USING gin ("search_name" gin_trgm_ops);
