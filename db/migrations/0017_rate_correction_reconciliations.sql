CREATE TABLE "rate_correction_reconciliations" (
	"correction_id" uuid PRIMARY KEY NOT NULL,
	"case_count" integer NOT NULL,
	"reconciled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rate_correction_reconciliations" ADD CONSTRAINT "rate_correction_reconciliations_correction_id_rate_corrections_id_fk" FOREIGN KEY ("correction_id") REFERENCES "public"."rate_corrections"("id") ON DELETE no action ON UPDATE no action;