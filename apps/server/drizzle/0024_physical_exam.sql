CREATE SCHEMA "hospital_exchange";
--> statement-breakpoint
CREATE TABLE "physical_exam_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"result" text NOT NULL,
	"items" jsonb NOT NULL,
	"remarks" text NOT NULL,
	"reason" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"status" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"note" text,
	CONSTRAINT "physical_exam_change_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
CREATE TABLE "physical_exam_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"rank" integer,
	"recheck_requested_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "physical_exam_result_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"result" text NOT NULL,
	"items" jsonb NOT NULL,
	"remarks" text NOT NULL,
	"source" text NOT NULL,
	"change_id" uuid,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "physical_exam_round" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"round" text NOT NULL,
	"hospital_id" uuid NOT NULL,
	"exam_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"result" text,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"result_at" timestamp with time zone,
	"assigned_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hospital_exchange"."exam_order" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hospital_id" uuid NOT NULL,
	"round" text NOT NULL,
	"event_name" text NOT NULL,
	"ticket_number" text NOT NULL,
	"candidate_name_masked" text NOT NULL,
	"position_name" text NOT NULL,
	"unit_name" text NOT NULL,
	"exam_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"result" text,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remarks" text DEFAULT '' NOT NULL,
	"result_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "hospital_exchange"."submission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"hospital_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"result" text NOT NULL,
	"items" jsonb NOT NULL,
	"remarks" text NOT NULL,
	"reason" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"note" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "physical_exam_change" ADD CONSTRAINT "physical_exam_change_round_id_physical_exam_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."physical_exam_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_exam_entry" ADD CONSTRAINT "physical_exam_entry_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_exam_entry" ADD CONSTRAINT "physical_exam_entry_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_exam_entry" ADD CONSTRAINT "physical_exam_entry_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_exam_entry" ADD CONSTRAINT "physical_exam_entry_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_exam_result_history" ADD CONSTRAINT "physical_exam_result_history_round_id_physical_exam_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."physical_exam_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_exam_round" ADD CONSTRAINT "physical_exam_round_entry_id_physical_exam_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."physical_exam_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_exam_round" ADD CONSTRAINT "physical_exam_round_hospital_id_unit_id_fk" FOREIGN KEY ("hospital_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hospital_exchange"."submission" ADD CONSTRAINT "submission_order_id_exam_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "hospital_exchange"."exam_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "physical_exam_change_status_idx" ON "physical_exam_change" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "physical_exam_entry_event_candidate_idx" ON "physical_exam_entry" USING btree ("event_id","candidate_id");--> statement-breakpoint
CREATE INDEX "physical_exam_entry_candidate_idx" ON "physical_exam_entry" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "physical_exam_result_history_round_idx" ON "physical_exam_result_history" USING btree ("round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "physical_exam_round_entry_round_idx" ON "physical_exam_round" USING btree ("entry_id","round");--> statement-breakpoint
CREATE INDEX "physical_exam_round_hospital_idx" ON "physical_exam_round" USING btree ("hospital_id");--> statement-breakpoint
CREATE INDEX "exam_order_hospital_idx" ON "hospital_exchange"."exam_order" USING btree ("hospital_id","exam_at");--> statement-breakpoint
CREATE INDEX "submission_status_idx" ON "hospital_exchange"."submission" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "submission_hospital_idx" ON "hospital_exchange"."submission" USING btree ("hospital_id","submitted_at");--> statement-breakpoint
-- Hand-written (INT-09g): the database role of the hospitals' exchange store 中间库. It may use the
-- hospital_exchange schema and nothing else, so a hospital-facing connection bound to it cannot read
-- or write a management table. PGlite has one user and refuses CREATE ROLE; on it (or wherever the
-- migrating user may not create roles) the block only notes that it skipped the role.
DO $$
BEGIN
  -- Its own sub-block: two databases of one cluster migrating at once (the test suite) may both
  -- create the role or grant its membership; the loser's error is harmless and must not skip the
  -- schema grants below.
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kaolu_hospital_exchange') THEN
      CREATE ROLE kaolu_hospital_exchange NOLOGIN;
    END IF;
    -- The app's own user switches to the role (SET LOCAL ROLE) for the hospital portal's queries.
    EXECUTE format('GRANT kaolu_hospital_exchange TO %I', current_user);
  EXCEPTION WHEN duplicate_object OR unique_violation OR object_not_in_prerequisite_state THEN
    NULL;
  WHEN OTHERS THEN
    -- e.g. "tuple concurrently updated" when two migrations grant the membership at once.
    IF NOT pg_has_role(current_user, 'kaolu_hospital_exchange', 'MEMBER') THEN RAISE; END IF;
  END;
  GRANT USAGE ON SCHEMA hospital_exchange TO kaolu_hospital_exchange;
  GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA hospital_exchange TO kaolu_hospital_exchange;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'kaolu_hospital_exchange role not set up: %', SQLERRM;
END
$$;
