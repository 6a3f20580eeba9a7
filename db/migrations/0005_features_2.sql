ALTER TABLE "companies" ADD COLUMN "settlement_email_locale" "locale" DEFAULT 'nb' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
CREATE INDEX "tasks_status_activity_idx" ON "tasks" USING btree ("status",coalesce("answered_at", "created_at") desc,"id" desc);