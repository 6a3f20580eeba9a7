CREATE TYPE "public"."debtor_session_kind" AS ENUM('bankid', 'letter_code');--> statement-breakpoint
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
ALTER TABLE "debtor_sessions" ADD CONSTRAINT "debtor_sessions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_access_codes" ADD CONSTRAINT "letter_access_codes_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_access_codes" ADD CONSTRAINT "letter_access_codes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_access_codes" ADD CONSTRAINT "letter_access_codes_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "debtor_sessions_token_hash_key" ON "debtor_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "debtor_sessions_expires_idx" ON "debtor_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "debtor_sign_in_flows_expires_idx" ON "debtor_sign_in_flows" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_access_codes_letter_key" ON "letter_access_codes" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_access_codes_company_case_idx" ON "letter_access_codes" USING btree ("company_id","case_id");--> statement-breakpoint
CREATE INDEX "debtors_national_id_idx" ON "debtors" USING btree ("national_id");--> statement-breakpoint
CREATE INDEX "debtors_organisation_number_idx" ON "debtors" USING btree ("organisation_number");