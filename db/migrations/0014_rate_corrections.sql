CREATE TYPE "public"."rate_kind" AS ENUM('interest', 'standard_compensation', 'collection_rate');--> statement-breakpoint
CREATE TABLE "rate_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "rate_kind" NOT NULL,
	"valid_from" date NOT NULL,
	"value" integer NOT NULL,
	"previous_value" integer NOT NULL,
	"source" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rate_corrections" ADD CONSTRAINT "rate_corrections_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_corrections_kind_valid_from_idx" ON "rate_corrections" USING btree ("kind","valid_from","created_at");