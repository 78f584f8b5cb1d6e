CREATE TABLE "interview_list_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"application_id" uuid,
	"round" text NOT NULL,
	"status" text NOT NULL,
	"written_total_centi" integer,
	"rank" integer,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_list_entry_round_uq" UNIQUE("event_id","candidate_id","round")
);
--> statement-breakpoint
CREATE TABLE "interview_list_position" (
	"position_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"headcount" integer NOT NULL,
	"ratio_centi" integer NOT NULL,
	"quota" integer NOT NULL,
	"pass_line_centi" integer,
	"line_centi" integer,
	"tied_beyond_quota" integer DEFAULT 0 NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	"shortfall" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	"published_at" timestamp with time zone,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "interview_list_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"action" text NOT NULL,
	"positions" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "physical_test_result" (
	"event_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"passed" boolean NOT NULL,
	"detail" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" text NOT NULL,
	CONSTRAINT "physical_test_result_pk" PRIMARY KEY("event_id","candidate_id")
);
--> statement-breakpoint
ALTER TABLE "interview_list_entry" ADD CONSTRAINT "interview_list_entry_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_list_entry" ADD CONSTRAINT "interview_list_entry_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_list_entry" ADD CONSTRAINT "interview_list_entry_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_list_entry" ADD CONSTRAINT "interview_list_entry_application_id_position_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."position_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_list_position" ADD CONSTRAINT "interview_list_position_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_list_position" ADD CONSTRAINT "interview_list_position_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_list_position" ADD CONSTRAINT "interview_list_position_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_list_version" ADD CONSTRAINT "interview_list_version_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_test_result" ADD CONSTRAINT "physical_test_result_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "physical_test_result" ADD CONSTRAINT "physical_test_result_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_list_entry_position_idx" ON "interview_list_entry" USING btree ("position_id","status","written_total_centi");--> statement-breakpoint
CREATE INDEX "interview_list_entry_candidate_idx" ON "interview_list_entry" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "interview_list_position_event_idx" ON "interview_list_position" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "interview_list_version_event_idx" ON "interview_list_version" USING btree ("event_id","created_at");