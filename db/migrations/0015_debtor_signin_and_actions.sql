CREATE TYPE "public"."arrangement_kind" AS ENUM('postponement', 'plan');--> statement-breakpoint
CREATE TYPE "public"."arrangement_status" AS ENUM('requested', 'active', 'completed', 'broken', 'declined');--> statement-breakpoint
CREATE TYPE "public"."letter_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."objection_reason" AS ENUM('already_paid', 'wrong_amount', 'not_received', 'other');--> statement-breakpoint
CREATE TYPE "public"."objection_status" AS ENUM('open', 'answered');--> statement-breakpoint
CREATE TYPE "public"."online_payment_provider" AS ENUM('vipps', 'local');--> statement-breakpoint
CREATE TYPE "public"."online_payment_status" AS ENUM('pending', 'approved', 'declined', 'abandoned');--> statement-breakpoint
CREATE TYPE "public"."debtor_session_kind" AS ENUM('bankid', 'letter_code');--> statement-breakpoint
ALTER TYPE "public"."ledger_fee_kind" ADD VALUE 'plan_fee';--> statement-breakpoint
ALTER TYPE "public"."debtor_payment_source" ADD VALUE 'online';--> statement-breakpoint
CREATE TABLE "letter_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"channel" "letter_channel" NOT NULL,
	"address" text NOT NULL,
	"terms_version" text NOT NULL,
	"locale" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "letter_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"consent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objection_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"objection_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" "objection_reason" NOT NULL,
	"body" text NOT NULL,
	"status" "objection_status" DEFAULT 'open' NOT NULL,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"provider" "online_payment_provider" NOT NULL,
	"reference" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount_ore" bigint NOT NULL,
	"status" "online_payment_status" DEFAULT 'pending' NOT NULL,
	"redirect_url" text,
	"debtor_payment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "arrangement_kind" NOT NULL,
	"status" "arrangement_status" NOT NULL,
	"starts_on" date NOT NULL,
	"until_on" date NOT NULL,
	"instalment_count" smallint DEFAULT 1 NOT NULL,
	"plan_fee_ore" bigint DEFAULT 0 NOT NULL,
	"total_ore" bigint NOT NULL,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" "online_payment_provider" NOT NULL,
	"event_key" text NOT NULL,
	"reference" text NOT NULL,
	"event_name" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"due_on" date NOT NULL,
	"amount_ore" bigint NOT NULL,
	"notice_sent_on" date
);
--> statement-breakpoint
CREATE TABLE "debtor_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"kind" "debtor_session_kind" NOT NULL,
	"national_id" text,
	"name" text,
	"organisation_numbers" text[] DEFAULT '{}' NOT NULL,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "debtor_sign_in_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_access_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"letter_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "from_debtor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "shared_with_creditor" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_consent_id_letter_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."letter_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_files" ADD CONSTRAINT "objection_files_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objection_files" ADD CONSTRAINT "objection_files_objection_id_objections_id_fk" FOREIGN KEY ("objection_id") REFERENCES "public"."objections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_payments" ADD CONSTRAINT "online_payments_debtor_payment_id_debtor_payments_id_fk" FOREIGN KEY ("debtor_payment_id") REFERENCES "public"."debtor_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_arrangements" ADD CONSTRAINT "payment_arrangements_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_arrangements" ADD CONSTRAINT "payment_arrangements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_arrangements" ADD CONSTRAINT "payment_arrangements_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_instalments" ADD CONSTRAINT "plan_instalments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_instalments" ADD CONSTRAINT "plan_instalments_arrangement_id_payment_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."payment_arrangements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_sessions" ADD CONSTRAINT "debtor_sessions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_access_codes" ADD CONSTRAINT "letter_access_codes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_access_codes" ADD CONSTRAINT "letter_access_codes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_access_codes" ADD CONSTRAINT "letter_access_codes_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_consents_subject_idx" ON "letter_consents" USING btree ("subject","granted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "letter_deliveries_letter_key" ON "letter_deliveries" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_deliveries_company_idx" ON "letter_deliveries" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "objection_files_company_objection_idx" ON "objection_files" USING btree ("company_id","objection_id");--> statement-breakpoint
CREATE INDEX "objections_company_case_idx" ON "objections" USING btree ("company_id","case_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "online_payments_reference_key" ON "online_payments" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "online_payments_case_idempotency_key" ON "online_payments" USING btree ("case_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "online_payments_company_case_idx" ON "online_payments" USING btree ("company_id","case_id");--> statement-breakpoint
CREATE INDEX "payment_arrangements_company_case_idx" ON "payment_arrangements" USING btree ("company_id","case_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "payment_callbacks_provider_event_key" ON "payment_callbacks" USING btree ("provider","event_key");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_instalments_arrangement_number_key" ON "plan_instalments" USING btree ("arrangement_id","number");--> statement-breakpoint
CREATE INDEX "plan_instalments_company_idx" ON "plan_instalments" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "debtor_sessions_token_hash_key" ON "debtor_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "debtor_sessions_expires_idx" ON "debtor_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "debtor_sign_in_flows_expires_idx" ON "debtor_sign_in_flows" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_access_codes_letter_key" ON "letter_access_codes" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_access_codes_company_case_idx" ON "letter_access_codes" USING btree ("company_id","case_id");--> statement-breakpoint
CREATE INDEX "debtors_national_id_idx" ON "debtors" USING btree ("national_id");--> statement-breakpoint
CREATE INDEX "debtors_organisation_number_idx" ON "debtors" USING btree ("organisation_number");