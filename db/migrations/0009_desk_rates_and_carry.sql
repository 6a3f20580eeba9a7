CREATE TYPE "public"."fee_rate_kind" AS ENUM('standard_compensation', 'collection_rate');--> statement-breakpoint
CREATE TABLE "fee_rates" (
	"kind" "fee_rate_kind" NOT NULL,
	"valid_from" date NOT NULL,
	"amount_ore" integer NOT NULL,
	"source" text NOT NULL,
	"assumption" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_rates_kind_valid_from_pk" PRIMARY KEY("kind","valid_from")
);
--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "carried_in_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "remittance_slips" ADD COLUMN "carried_out_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "interest_rates" ADD COLUMN "assumption" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "interest_rates" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "fee_rates" ADD CONSTRAINT "fee_rates_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_rates" ADD CONSTRAINT "interest_rates_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;