DROP INDEX "role_grant_unique_idx";--> statement-breakpoint
ALTER TABLE "role_grant" ADD COLUMN "venue_id" uuid;--> statement-breakpoint
ALTER TABLE "role_grant" ADD COLUMN "session_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "role_grant_unique_idx" ON "role_grant" USING btree ("staff_user_id","role",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("event_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("venue_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("session_id", '00000000-0000-0000-0000-000000000000'::uuid));