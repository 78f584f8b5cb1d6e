DROP INDEX "registration_timeline_registration_idx";--> statement-breakpoint
DROP INDEX "application_timeline_application_idx";--> statement-breakpoint
DROP INDEX "problem_entry_case_idx";--> statement-breakpoint
ALTER TABLE "registration_timeline" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "registration_timeline_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "application_timeline" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "application_timeline_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "problem_entry" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "problem_entry_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE INDEX "registration_timeline_registration_idx" ON "registration_timeline" USING btree ("registration_id","seq");--> statement-breakpoint
CREATE INDEX "application_timeline_application_idx" ON "application_timeline" USING btree ("application_id","seq");--> statement-breakpoint
CREATE INDEX "problem_entry_case_idx" ON "problem_entry" USING btree ("case_id","seq");