CREATE TABLE "pass_line" (
	"event_id" uuid NOT NULL,
	"exam_category" text NOT NULL,
	"major_type" text DEFAULT '' NOT NULL,
	"line_centi" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pass_line_pk" PRIMARY KEY("event_id","exam_category","major_type")
);
--> statement-breakpoint
CREATE TABLE "score_release" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "written_score" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"exam_category" text NOT NULL,
	"major_type" text,
	"xingce_centi" integer,
	"shenlun_centi" integer,
	"professional_centi" integer,
	"absent" boolean DEFAULT false NOT NULL,
	"total_centi" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "written_score_registration_id_unique" UNIQUE("registration_id")
);
--> statement-breakpoint
CREATE TABLE "application_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"message" text NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "position_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"profile_version" integer NOT NULL,
	"profile_snapshot" jsonb NOT NULL,
	"police_intentions" jsonb,
	"review_reason_code" text,
	"review_reason_text" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text NOT NULL,
	"checked_by" text NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "pass_line" ADD CONSTRAINT "pass_line_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_release" ADD CONSTRAINT "score_release_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_score" ADD CONSTRAINT "written_score_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_score" ADD CONSTRAINT "written_score_registration_id_exam_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."exam_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_score" ADD CONSTRAINT "written_score_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_timeline" ADD CONSTRAINT "application_timeline_application_id_position_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."position_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_application" ADD CONSTRAINT "position_application_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_application" ADD CONSTRAINT "position_application_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_application" ADD CONSTRAINT "position_application_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_application" ADD CONSTRAINT "position_application_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_check" ADD CONSTRAINT "education_check_application_id_position_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."position_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_message" ADD CONSTRAINT "candidate_message_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "written_score_event_idx" ON "written_score" USING btree ("event_id","exam_category");--> statement-breakpoint
CREATE INDEX "written_score_candidate_idx" ON "written_score" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "application_timeline_application_idx" ON "application_timeline" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "position_application_one_active_uq" ON "position_application" USING btree ("event_id","candidate_id") WHERE status in ('submitted', 'returned', 'approved');--> statement-breakpoint
CREATE INDEX "position_application_unit_queue_idx" ON "position_application" USING btree ("unit_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "position_application_event_queue_idx" ON "position_application" USING btree ("event_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "position_application_candidate_idx" ON "position_application" USING btree ("candidate_id","position_id");--> statement-breakpoint
CREATE INDEX "education_check_application_idx" ON "education_check" USING btree ("application_id","checked_at");--> statement-breakpoint
CREATE INDEX "candidate_message_candidate_idx" ON "candidate_message" USING btree ("candidate_id","created_at");