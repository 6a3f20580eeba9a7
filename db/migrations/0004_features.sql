CREATE TYPE "public"."ledger_covers" AS ENUM('principal', 'interest', 'fee', 'credit');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('tasks', 'messages');--> statement-breakpoint
CREATE TYPE "public"."debtor_payment_source" AS ENUM('desk', 'csv', 'ocr', 'seed');--> statement-breakpoint
CREATE TYPE "public"."debtor_payment_status" AS ENUM('unmatched', 'allocated');--> statement-breakpoint
CREATE TYPE "public"."invoice_draft_status" AS ENUM('customer', 'submitted', 'registered', 'failed');--> statement-breakpoint
ALTER TYPE "public"."task_status" ADD VALUE 'closed';--> statement-breakpoint
CREATE TABLE "sms_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"last_sent_at" timestamp with time zone,
	"pending" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"pending_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "invoice_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"draft_id" uuid NOT NULL,
	"invoice_id" uuid,
	"file_name" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" "invoice_draft_status" DEFAULT 'customer' NOT NULL,
	"customer" jsonb NOT NULL,
	"invoice" jsonb,
	"failure_key" text,
	"failure_data" jsonb,
	"case_id" uuid,
	"invoice_id" uuid,
	"submitted_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "settlement_email" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "settlement_weekday" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "allocation_order" jsonb;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "reauthenticated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "covers" "ledger_covers";--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD COLUMN "debtor_payment_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
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
ALTER TABLE "outbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "sms_codes" ADD CONSTRAINT "sms_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_payments" ADD CONSTRAINT "debtor_payments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_payments" ADD CONSTRAINT "debtor_payments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_payments" ADD CONSTRAINT "debtor_payments_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_items" ADD CONSTRAINT "remittance_items_ledger_entry_id_ledger_entries_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_items" ADD CONSTRAINT "remittance_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_items" ADD CONSTRAINT "remittance_items_slip_id_remittance_slips_id_fk" FOREIGN KEY ("slip_id") REFERENCES "public"."remittance_slips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_attachments" ADD CONSTRAINT "invoice_attachments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_attachments" ADD CONSTRAINT "invoice_attachments_draft_id_invoice_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."invoice_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_attachments" ADD CONSTRAINT "invoice_attachments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_drafts" ADD CONSTRAINT "invoice_drafts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_drafts" ADD CONSTRAINT "invoice_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_drafts" ADD CONSTRAINT "invoice_drafts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_drafts" ADD CONSTRAINT "invoice_drafts_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_codes_user_idx" ON "sms_codes" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_digests_user_kind_key" ON "notification_digests" USING btree ("user_id","kind");--> statement-breakpoint
CREATE INDEX "notification_digests_due_idx" ON "notification_digests" USING btree ("last_sent_at") WHERE pending_count > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "debtor_payments_bank_reference_key" ON "debtor_payments" USING btree ("bank_reference");--> statement-breakpoint
CREATE INDEX "debtor_payments_company_status_idx" ON "debtor_payments" USING btree ("company_id","status","paid_on");--> statement-breakpoint
CREATE INDEX "debtor_payments_status_created_idx" ON "debtor_payments" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "remittance_items_company_slip_idx" ON "remittance_items" USING btree ("company_id","slip_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_attachments_draft_key" ON "invoice_attachments" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "invoice_attachments_company_invoice_idx" ON "invoice_attachments" USING btree ("company_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_drafts_company_user_status_idx" ON "invoice_drafts" USING btree ("company_id","user_id","status");--> statement-breakpoint
CREATE INDEX "invoice_drafts_status_submitted_idx" ON "invoice_drafts" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_drafts_case_key" ON "invoice_drafts" USING btree ("case_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_company_status_figures_idx" ON "cases" USING btree ("company_id","status","balance_ore","registered_at","closed_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_company_kind_booked_idx" ON "ledger_entries" USING btree ("company_id","kind","booked_on","amount_ore");--> statement-breakpoint
CREATE INDEX "ledger_entries_debtor_payment_idx" ON "ledger_entries" USING btree ("debtor_payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "remittance_slips_company_period_key" ON "remittance_slips" USING btree ("company_id","period_end_on");