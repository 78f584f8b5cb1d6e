CREATE TABLE "interview_checkin_desk" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "interview_checkin_desk_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "examiner_dispatch_examiner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name_enc" text NOT NULL,
	"title" text,
	"to_unit_id" uuid,
	"manual" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "examiner_dispatch_need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "examiner_dispatch_need_uq" UNIQUE("event_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "examiner_dispatch_round" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"allocated_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text
);
--> statement-breakpoint
ALTER TABLE "interview_checkin_desk" ADD CONSTRAINT "interview_checkin_desk_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_dispatch_examiner" ADD CONSTRAINT "examiner_dispatch_examiner_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_dispatch_examiner" ADD CONSTRAINT "examiner_dispatch_examiner_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_dispatch_examiner" ADD CONSTRAINT "examiner_dispatch_examiner_to_unit_id_unit_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_dispatch_need" ADD CONSTRAINT "examiner_dispatch_need_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_dispatch_need" ADD CONSTRAINT "examiner_dispatch_need_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "examiner_dispatch_round" ADD CONSTRAINT "examiner_dispatch_round_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_checkin_desk_event_idx" ON "interview_checkin_desk" USING btree ("interview_event_id");