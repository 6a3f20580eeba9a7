CREATE TABLE "api_auth_failures" (
	"address" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "api_auth_failures_address_window_start_pk" PRIMARY KEY("address","window_start")
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "created_user_id" uuid;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "sending_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_user_id_users_id_fk" FOREIGN KEY ("created_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;