ALTER TABLE "companies" ADD COLUMN "settlement_email_locale" "locale" DEFAULT 'nb' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb;