CREATE TABLE "problem_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"candidate_id" uuid NOT NULL,
	"event_id" uuid,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"responsible_role" text NOT NULL,
	"refusal_code" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"requested_name" text,
	"assignee_id" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"first_answered_at" timestamp with time zone,
	"decision" text,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "problem_case_case_number_unique" UNIQUE("case_number")
);
--> statement-breakpoint
CREATE TABLE "problem_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"from_status" text,
	"to_status" text,
	"body" text,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"details" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_case" ADD CONSTRAINT "problem_case_assignee_id_staff_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_entry" ADD CONSTRAINT "problem_entry_case_id_problem_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."problem_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_case_candidate_idx" ON "problem_case" USING btree ("candidate_id","submitted_at");--> statement-breakpoint
CREATE INDEX "problem_case_queue_idx" ON "problem_case" USING btree ("responsible_role","status","due_at");--> statement-breakpoint
CREATE INDEX "problem_case_effect_idx" ON "problem_case" USING btree ("candidate_id","event_id","type","status");--> statement-breakpoint
CREATE INDEX "problem_entry_case_idx" ON "problem_entry" USING btree ("case_id","at");--> statement-breakpoint
-- ONL-01 留痕: a case's history is append-only. Row triggers refuse UPDATE and DELETE, a statement
-- trigger refuses TRUNCATE, as the audit log's guard does (0002_audit_log_guard).
CREATE FUNCTION kaolu_problem_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '问题处理记录只允许追加，拒绝对 % 执行 %', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER problem_entry_append_only BEFORE UPDATE OR DELETE ON "problem_entry" FOR EACH ROW EXECUTE FUNCTION kaolu_problem_entry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER problem_entry_no_truncate BEFORE TRUNCATE ON "problem_entry" FOR EACH STATEMENT EXECUTE FUNCTION kaolu_problem_entry_refuse_change();
