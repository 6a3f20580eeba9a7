CREATE TYPE "public"."ledger_fee_kind" AS ENUM('reminder_fee', 'notice_fee', 'standard_compensation', 'collection_fee_light', 'collection_fee_heavy');--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "fee_kind" "ledger_fee_kind";--> statement-breakpoint
ALTER TABLE "case_collection" DROP COLUMN "interest_carry_units";--> statement-breakpoint
ALTER TABLE "case_collection" DROP COLUMN "compensation_booked";