CREATE TYPE "public"."letter_kind" AS ENUM('reminder', 'notice', 'demand', 'legal_notice', 'surveillance_notice');--> statement-breakpoint
CREATE TABLE "case_collection" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"interest_booked_to_on" date,
	"interest_carry_units" bigint DEFAULT 0 NOT NULL,
	"compensation_booked" boolean DEFAULT false NOT NULL,
	"paused_on" date,
	"paused_days" integer DEFAULT 0 NOT NULL,
	"disputed_at" timestamp with time zone,
	"dispute_reason" text,
	"legal_confirmed_at" timestamp with time zone,
	"legal_confirmed_by_user_id" uuid,
	"error_code" text,
	"error_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interest_rates" (
	"valid_from" date PRIMARY KEY NOT NULL,
	"rate_basis_points" smallint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "letter_kind" NOT NULL,
	"sent_on" date NOT NULL,
	"deadline_on" date,
	"account_number" text NOT NULL,
	"kid" text NOT NULL,
	"amount_due_ore" bigint NOT NULL,
	"principal_ore" bigint NOT NULL,
	"interest_ore" bigint NOT NULL,
	"fee_ore" bigint NOT NULL,
	"new_fee_ore" bigint NOT NULL,
	"interest_rate_basis_points" integer,
	"interest_from_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "collection_agreement" jsonb;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "vat_registered" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "case_collection" ADD CONSTRAINT "case_collection_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_collection" ADD CONSTRAINT "case_collection_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_collection" ADD CONSTRAINT "case_collection_legal_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("legal_confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_collection_company_error_idx" ON "case_collection" USING btree ("company_id","error_code");--> statement-breakpoint
CREATE UNIQUE INDEX "letters_case_kind_sent_key" ON "letters" USING btree ("case_id","kind","sent_on");--> statement-breakpoint
CREATE INDEX "letters_company_case_idx" ON "letters" USING btree ("company_id","case_id","sent_on" DESC NULLS LAST);