CREATE TYPE "public"."task_kind" AS ENUM('objection', 'arrangement_request');--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "kind" "task_kind";--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "params" jsonb;