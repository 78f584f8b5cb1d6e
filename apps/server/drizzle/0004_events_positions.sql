CREATE TABLE "event_policy_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"policy" jsonb NOT NULL,
	"reason" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_policy_version_uq" UNIQUE("event_id","version")
);
--> statement-breakpoint
CREATE TABLE "brochure" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text DEFAULT 'filling' NOT NULL,
	"comment" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "brochure_event_unit_uq" UNIQUE("event_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "list_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"id_number_bidx" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"unit_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "list_entry_event_kind_bidx_uq" UNIQUE("event_id","kind","id_number_bidx")
);
--> statement-breakpoint
CREATE TABLE "notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_recipient" (
	"notice_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	CONSTRAINT "notice_recipient_notice_id_candidate_id_pk" PRIMARY KEY("notice_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "notice_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"change_note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_version_uq" UNIQUE("notice_id","version")
);
--> statement-breakpoint
ALTER TABLE "recruitment_event" ADD COLUMN "policy_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "recruitment_event" ADD COLUMN "source_event_id" uuid;--> statement-breakpoint
ALTER TABLE "position" ADD COLUMN "exam_category" text;--> statement-breakpoint
ALTER TABLE "position" ADD COLUMN "hired" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "position" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "position" ADD COLUMN "source_position_id" uuid;--> statement-breakpoint
ALTER TABLE "position" ADD COLUMN "education_rank" integer GENERATED ALWAYS AS (case conditions->>'minEducation' when 'high_school' then 1 when 'junior_college' then 2 when 'bachelor' then 3 when 'master' then 4 when 'doctor' then 5 else 0 end) STORED;--> statement-breakpoint
ALTER TABLE "position" ADD COLUMN "residence" text GENERATED ALWAYS AS (coalesce(conditions->>'residence', 'any')) STORED;--> statement-breakpoint
ALTER TABLE "position" ADD COLUMN "major_text" text GENERATED ALWAYS AS (coalesce(conditions->>'majorKeywords', '')) STORED;--> statement-breakpoint
ALTER TABLE "position" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "event_policy_version" ADD CONSTRAINT "event_policy_version_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brochure" ADD CONSTRAINT "brochure_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brochure" ADD CONSTRAINT "brochure_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entry" ADD CONSTRAINT "list_entry_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_entry" ADD CONSTRAINT "list_entry_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_recipient" ADD CONSTRAINT "notice_recipient_notice_id_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_recipient" ADD CONSTRAINT "notice_recipient_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_version" ADD CONSTRAINT "notice_version_notice_id_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_policy_version_event_idx" ON "event_policy_version" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "list_entry_bidx_idx" ON "list_entry" USING btree ("id_number_bidx");--> statement-breakpoint
CREATE INDEX "notice_public_idx" ON "notice" USING btree ("status","published_at");--> statement-breakpoint
ALTER TABLE "recruitment_event" ADD CONSTRAINT "recruitment_event_source_event_id_recruitment_event_id_fk" FOREIGN KEY ("source_event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_source_position_id_position_id_fk" FOREIGN KEY ("source_position_id") REFERENCES "public"."position"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "position_status_event_code_idx" ON "position" USING btree ("status","event_id","code");