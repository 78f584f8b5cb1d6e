CREATE TABLE "composite_result" (
	"event_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"exam_category" text NOT NULL,
	"written_centi" integer NOT NULL,
	"structured_centi" integer,
	"professional_centi" integer,
	"absent" boolean NOT NULL,
	"composite_centi" integer,
	"passed" boolean NOT NULL,
	"rank" integer,
	"physical_exam" boolean NOT NULL,
	"explanation" text NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "composite_result_pk" PRIMARY KEY("event_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "composite_run" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"policy_version" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_by" text NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "composite_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"policy_version" integer NOT NULL,
	"results" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_score" (
	"event_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"structured_centi" integer,
	"professional_centi" integer,
	"absent" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "interview_score_pk" PRIMARY KEY("event_id","candidate_id")
);
--> statement-breakpoint
ALTER TABLE "composite_result" ADD CONSTRAINT "composite_result_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "composite_result" ADD CONSTRAINT "composite_result_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "composite_result" ADD CONSTRAINT "composite_result_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "composite_result" ADD CONSTRAINT "composite_result_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "composite_run" ADD CONSTRAINT "composite_run_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "composite_version" ADD CONSTRAINT "composite_version_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_score" ADD CONSTRAINT "interview_score_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_score" ADD CONSTRAINT "interview_score_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_score" ADD CONSTRAINT "interview_score_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "composite_result_position_idx" ON "composite_result" USING btree ("position_id","rank");--> statement-breakpoint
CREATE INDEX "composite_result_candidate_idx" ON "composite_result" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "composite_version_event_idx" ON "composite_version" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "interview_score_position_idx" ON "interview_score" USING btree ("position_id");--> statement-breakpoint
-- INT-07: the 专业分 switch moves from the event-wide interview policy into each exam category.
-- Every category of a stored policy takes the old event-wide value (false when absent), a category
-- that already says it keeps its own; the old key is removed. History rows (event_policy_version)
-- stay as recorded (NFR-HIS-1).
UPDATE "recruitment_event" SET "policy" = jsonb_set(
  "policy" #- '{interview,professionalScore}',
  '{examCategories}',
  COALESCE(
    (SELECT jsonb_agg(
        jsonb_build_object('professionalScore', COALESCE(("policy"->'interview'->>'professionalScore')::boolean, false)) || e.c
        ORDER BY e.ord)
      FROM jsonb_array_elements("policy"->'examCategories') WITH ORDINALITY AS e(c, ord)),
    '[]'::jsonb)
) WHERE jsonb_typeof("policy"->'examCategories') = 'array' AND "policy"->'interview' ? 'professionalScore';
