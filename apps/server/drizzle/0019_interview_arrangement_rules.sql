CREATE TABLE "interview_arrangement_rules" (
	"interview_event_id" uuid PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_arrangement_rules" ADD CONSTRAINT "interview_arrangement_rules_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;