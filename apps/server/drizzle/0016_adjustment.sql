CREATE TABLE "adjustment_application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"adjustment_position_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"written_total_centi" integer,
	"reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "adjustment_position" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"places" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adjustment_position_position_id_unique" UNIQUE("position_id")
);
--> statement-breakpoint
CREATE TABLE "adjustment_proposal" (
	"event_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"position_id" uuid,
	"written_total_centi" integer NOT NULL,
	"source" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adjustment_proposal_pk" PRIMARY KEY("event_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "adjustment_round" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"public_status" text DEFAULT 'open' NOT NULL,
	"public_closed_at" timestamp with time zone,
	"unified_status" text DEFAULT 'none' NOT NULL,
	"unified_proposed_at" timestamp with time zone,
	"unified_confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adjustment_application" ADD CONSTRAINT "adjustment_application_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_application" ADD CONSTRAINT "adjustment_application_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_application" ADD CONSTRAINT "adjustment_application_adjustment_position_id_adjustment_position_id_fk" FOREIGN KEY ("adjustment_position_id") REFERENCES "public"."adjustment_position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_application" ADD CONSTRAINT "adjustment_application_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_application" ADD CONSTRAINT "adjustment_application_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_position" ADD CONSTRAINT "adjustment_position_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_position" ADD CONSTRAINT "adjustment_position_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_position" ADD CONSTRAINT "adjustment_position_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_proposal" ADD CONSTRAINT "adjustment_proposal_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_proposal" ADD CONSTRAINT "adjustment_proposal_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_proposal" ADD CONSTRAINT "adjustment_proposal_position_id_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adjustment_round" ADD CONSTRAINT "adjustment_round_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "adjustment_application_candidate_uq" ON "adjustment_application" USING btree ("event_id","candidate_id");--> statement-breakpoint
CREATE INDEX "adjustment_application_unit_idx" ON "adjustment_application" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "adjustment_application_position_idx" ON "adjustment_application" USING btree ("adjustment_position_id","status");--> statement-breakpoint
CREATE INDEX "adjustment_position_event_idx" ON "adjustment_position" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "adjustment_proposal_position_idx" ON "adjustment_proposal" USING btree ("position_id");