ALTER TABLE "interview_list_position" ADD COLUMN "unit_parent_id" uuid;--> statement-breakpoint
ALTER TABLE "interview_list_position" ADD COLUMN "position_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "interview_list_position" ADD COLUMN "position_title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "interview_list_position" ADD COLUMN "unit_name" text DEFAULT '' NOT NULL;