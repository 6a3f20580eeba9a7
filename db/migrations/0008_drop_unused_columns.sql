ALTER TABLE "companies" DROP COLUMN "accounting_system";--> statement-breakpoint
ALTER TABLE "messages" DROP COLUMN "read_at";--> statement-breakpoint
DROP TYPE "public"."accounting_system";