CREATE TABLE "draw_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"scope_key" text NOT NULL,
	"status" text DEFAULT 'committed' NOT NULL,
	"seed_hash" text NOT NULL,
	"seed_enc" text,
	"seed" text,
	"algorithm" text NOT NULL,
	"input_digest" text,
	"input" jsonb,
	"result" jsonb,
	"redraw_reason" text,
	"supersedes" uuid,
	"created_by" text NOT NULL,
	"committed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	"drawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "examiner_assignment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"examiner_id" uuid NOT NULL,
	"seat" text NOT NULL,
	"draw_id" uuid,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "examiner_assignment_session_uq" UNIQUE("session_id","examiner_id")
);
--> statement-breakpoint
CREATE TABLE "interview_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"candidate_id" uuid,
	"ticket_number" text NOT NULL,
	"name_enc" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_bidx" text NOT NULL,
	"gender" text,
	"psych" jsonb,
	"session_id" uuid,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" text,
	"sub_group" text,
	"draw_position" integer,
	"order_number" integer,
	CONSTRAINT "interview_candidate_ticket_uq" UNIQUE("interview_event_id","ticket_number"),
	CONSTRAINT "interview_candidate_bidx_uq" UNIQUE("interview_event_id","id_number_bidx")
);
--> statement-breakpoint
CREATE TABLE "interview_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"recruitment_event_id" uuid,
	"status" text DEFAULT 'setup' NOT NULL,
	"majors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_event_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "interview_examiner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_enc" text NOT NULL,
	"phone_enc" text,
	"unit_id" uuid,
	"unit_name" text NOT NULL,
	"district" text,
	"chief_capable" boolean DEFAULT false NOT NULL,
	"professional_capable" boolean DEFAULT false NOT NULL,
	"fixed" boolean DEFAULT false NOT NULL,
	"conflict_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conflict_position_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"staff_user_id" uuid,
	CONSTRAINT "interview_examiner_code_uq" UNIQUE("interview_event_id","code")
);
--> statement-breakpoint
CREATE TABLE "interview_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"day" text NOT NULL,
	"name" text NOT NULL,
	"type_id" uuid NOT NULL,
	"fixed_seats" integer DEFAULT 4 NOT NULL,
	"rotating_seats" integer DEFAULT 2 NOT NULL,
	"professional_seats" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "interview_group_room_day_uq" UNIQUE("room_id","day")
);
--> statement-breakpoint
CREATE TABLE "interview_position" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid,
	"unit_name" text NOT NULL,
	"major" text,
	"group_id" uuid,
	CONSTRAINT "interview_position_code_uq" UNIQUE("interview_event_id","code")
);
--> statement-breakpoint
CREATE TABLE "interview_room" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"venue_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_session" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"day" text NOT NULL,
	"half_day" text NOT NULL,
	CONSTRAINT "interview_session_uq" UNIQUE("interview_event_id","day","half_day")
);
--> statement-breakpoint
CREATE TABLE "interview_type" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"grade_bands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"examiner_count" integer DEFAULT 7 NOT NULL,
	CONSTRAINT "interview_type_kind_uq" UNIQUE("interview_event_id","kind")
);
--> statement-breakpoint
CREATE TABLE "interview_venue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text
);
--> statement-breakpoint
ALTER TABLE "draw_record" ADD CONSTRAINT "draw_record_supersedes_draw_record_id_fk" FOREIGN KEY ("supersedes") REFERENCES "public"."draw_record"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_assignment" ADD CONSTRAINT "examiner_assignment_session_id_interview_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_assignment" ADD CONSTRAINT "examiner_assignment_group_id_interview_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."interview_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_assignment" ADD CONSTRAINT "examiner_assignment_examiner_id_interview_examiner_id_fk" FOREIGN KEY ("examiner_id") REFERENCES "public"."interview_examiner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_candidate" ADD CONSTRAINT "interview_candidate_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_candidate" ADD CONSTRAINT "interview_candidate_position_id_interview_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."interview_position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_candidate" ADD CONSTRAINT "interview_candidate_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_candidate" ADD CONSTRAINT "interview_candidate_session_id_interview_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_event" ADD CONSTRAINT "interview_event_recruitment_event_id_recruitment_event_id_fk" FOREIGN KEY ("recruitment_event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_examiner" ADD CONSTRAINT "interview_examiner_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_examiner" ADD CONSTRAINT "interview_examiner_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_group" ADD CONSTRAINT "interview_group_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_group" ADD CONSTRAINT "interview_group_room_id_interview_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."interview_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_group" ADD CONSTRAINT "interview_group_type_id_interview_type_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."interview_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_position" ADD CONSTRAINT "interview_position_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_position" ADD CONSTRAINT "interview_position_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_position" ADD CONSTRAINT "interview_position_group_id_interview_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."interview_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_room" ADD CONSTRAINT "interview_room_venue_id_interview_venue_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."interview_venue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_session" ADD CONSTRAINT "interview_session_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_type" ADD CONSTRAINT "interview_type_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_venue" ADD CONSTRAINT "interview_venue_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "draw_record_scope_idx" ON "draw_record" USING btree ("kind","scope_key","committed_at");--> statement-breakpoint
CREATE INDEX "interview_candidate_position_idx" ON "interview_candidate" USING btree ("position_id");