CREATE TABLE "case_figure_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"active_cases" integer DEFAULT 0 NOT NULL,
	"outstanding_ore" bigint DEFAULT 0 NOT NULL,
	"closed_cases" integer DEFAULT 0 NOT NULL,
	"closed_paid" integer DEFAULT 0 NOT NULL,
	"paid_timed" integer DEFAULT 0 NOT NULL,
	"paid_seconds" numeric DEFAULT '0' NOT NULL
);
--> statement-breakpoint
DROP INDEX "cases_company_status_figures_idx";--> statement-breakpoint
CREATE INDEX "case_figure_deltas_company_idx" ON "case_figure_deltas" USING btree ("company_id");--> statement-breakpoint
-- Innsikt's case figures as running sums (db/schema/case-figures.ts). Every statement that writes cases appends its
-- change per company (new rows count +1, old rows -1); statement triggers, so a batch of a thousand cases adds one
-- row per company, and insert-only, so concurrent transactions never wait on one another.
CREATE FUNCTION "case_figures_record"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added cases[] := '{}';
  removed cases[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN SELECT coalesce(array_agg(n), '{}') INTO added FROM new_rows n; END IF;
  IF TG_OP <> 'INSERT' THEN SELECT coalesce(array_agg(o), '{}') INTO removed FROM old_rows o; END IF;
  INSERT INTO case_figure_deltas (company_id, active_cases, outstanding_ore, closed_cases, closed_paid, paid_timed, paid_seconds)
  SELECT company_id, sum(active), sum(outstanding), sum(closed), sum(paid), sum(timed), sum(seconds)
  FROM (
    SELECT c.company_id, c.sign * (c.status = 'active')::int AS active,
      c.sign * CASE WHEN c.status IN ('active', 'paused') THEN c.balance_ore ELSE 0 END AS outstanding,
      c.sign * (c.status = 'closed')::int AS closed,
      c.sign * (c.status = 'closed' AND c.balance_ore <= 0)::int AS paid,
      c.sign * (c.status = 'closed' AND c.balance_ore <= 0 AND c.closed_at IS NOT NULL)::int AS timed,
      c.sign * CASE WHEN c.status = 'closed' AND c.balance_ore <= 0 AND c.closed_at IS NOT NULL
        THEN extract(epoch FROM c.closed_at - c.registered_at) ELSE 0 END AS seconds
    FROM (SELECT 1 AS sign, a.* FROM unnest(added) a UNION ALL SELECT -1, r.* FROM unnest(removed) r) c
  ) changes
  GROUP BY company_id
  HAVING sum(active) <> 0 OR sum(outstanding) <> 0 OR sum(closed) <> 0 OR sum(paid) <> 0 OR sum(timed) <> 0 OR sum(seconds) <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "cases_figures_on_insert" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_figures_record"();--> statement-breakpoint
CREATE TRIGGER "cases_figures_on_update" AFTER UPDATE ON "cases" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_figures_record"();--> statement-breakpoint
CREATE TRIGGER "cases_figures_on_delete" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "case_figures_record"();--> statement-breakpoint
CREATE FUNCTION "case_figures_forget"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM case_figure_deltas;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "cases_figures_on_truncate" AFTER TRUNCATE ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION "case_figures_forget"();--> statement-breakpoint
-- Recounts every company's figures from cases: the backfill below, and after a bulk load that skipped the triggers.
CREATE FUNCTION "case_figures_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM case_figure_deltas;
  INSERT INTO case_figure_deltas (company_id, active_cases, outstanding_ore, closed_cases, closed_paid, paid_timed, paid_seconds)
  SELECT company_id,
    count(*) FILTER (WHERE status = 'active'),
    coalesce(sum(balance_ore) FILTER (WHERE status IN ('active', 'paused')), 0),
    count(*) FILTER (WHERE status = 'closed'),
    count(*) FILTER (WHERE status = 'closed' AND balance_ore <= 0),
    count(*) FILTER (WHERE status = 'closed' AND balance_ore <= 0 AND closed_at IS NOT NULL),
    coalesce(sum(extract(epoch FROM closed_at - registered_at)) FILTER (WHERE status = 'closed' AND balance_ore <= 0 AND closed_at IS NOT NULL), 0)
  FROM cases GROUP BY company_id;
$$;--> statement-breakpoint
SELECT case_figures_rebuild();
