CREATE TYPE "public"."ledger_covers" AS ENUM('principal', 'interest', 'fee', 'credit');--> statement-breakpoint
CREATE TYPE "public"."debtor_payment_source" AS ENUM('desk', 'csv', 'ocr', 'seed');--> statement-breakpoint
CREATE TYPE "public"."debtor_payment_status" AS ENUM('unmatched', 'allocated');--> statement-breakpoint
CREATE TABLE "debtor_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid,
	"case_id" uuid,
	"status" "debtor_payment_status" NOT NULL,
	"source" "debtor_payment_source" NOT NULL,
	"paid_on" date NOT NULL,
	"kid" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"payer" text DEFAULT '' NOT NULL,
	"bank_reference" text NOT NULL,
	"unmatched_reason" text,
	"principal_ore" bigint DEFAULT 0 NOT NULL,
	"interest_ore" bigint DEFAULT 0 NOT NULL,
	"fee_ore" bigint DEFAULT 0 NOT NULL,
	"credit_ore" bigint DEFAULT 0 NOT NULL,
	"registered_by_user_id" uuid,
	"allocated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remittance_items" (
	"ledger_entry_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"slip_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "settlement_email" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "settlement_weekday" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "allocation_order" jsonb;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "covers" "ledger_covers";--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "debtor_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "remittance_lines" ADD COLUMN "case_number" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_lines" ADD COLUMN "invoice_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_lines" ADD COLUMN "customer_number" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_lines" ADD COLUMN "debtor_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "period_end_on" date NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "case_count" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "gross_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "principal_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "interest_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "agency_fee_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "vat_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "net_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "direct_payments_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "debtor_payments" ADD CONSTRAINT "debtor_payments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_payments" ADD CONSTRAINT "debtor_payments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_payments" ADD CONSTRAINT "debtor_payments_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_items" ADD CONSTRAINT "remittance_items_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_items" ADD CONSTRAINT "remittance_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_items" ADD CONSTRAINT "remittance_items_slip_id_remittance_slips_id_fk" FOREIGN KEY ("slip_id") REFERENCES "public"."remittance_slips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "debtor_payments_bank_reference_key" ON "debtor_payments" USING btree ("bank_reference");--> statement-breakpoint
CREATE INDEX "debtor_payments_company_status_idx" ON "debtor_payments" USING btree ("company_id","status","paid_on");--> statement-breakpoint
CREATE INDEX "debtor_payments_status_created_idx" ON "debtor_payments" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "remittance_items_company_slip_idx" ON "remittance_items" USING btree ("company_id","slip_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_debtor_payment_idx" ON "ledger_entries" USING btree ("debtor_payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "remittance_slips_company_period_key" ON "remittance_slips" USING btree ("company_id","period_end_on");