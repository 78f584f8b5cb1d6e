CREATE TABLE "interview_result" (
	"interview_candidate_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"score_centi" integer NOT NULL,
	"examiner_count" integer NOT NULL,
	"explanation" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"handed_over_at" timestamp with time zone,
	CONSTRAINT "interview_result_interview_candidate_id_kind_pk" PRIMARY KEY("interview_candidate_id","kind")
);
--> statement-breakpoint
CREATE TABLE "score_sheet" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_event_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"interview_candidate_id" uuid NOT NULL,
	"examiner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"client_key" uuid NOT NULL,
	"revision" integer NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_sheet_client_key_unique" UNIQUE("client_key"),
	CONSTRAINT "score_sheet_candidate_examiner_uq" UNIQUE("interview_candidate_id","examiner_id","kind")
);
--> statement-breakpoint
CREATE TABLE "score_sheet_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "score_sheet_history_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sheet_id" uuid NOT NULL,
	"action" text NOT NULL,
	"revision" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interview_result" ADD CONSTRAINT "interview_result_interview_candidate_id_interview_candidate_id_fk" FOREIGN KEY ("interview_candidate_id") REFERENCES "public"."interview_candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_result" ADD CONSTRAINT "interview_result_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_result" ADD CONSTRAINT "interview_result_session_id_interview_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_result" ADD CONSTRAINT "interview_result_group_id_interview_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."interview_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_interview_event_id_interview_event_id_fk" FOREIGN KEY ("interview_event_id") REFERENCES "public"."interview_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_session_id_interview_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_group_id_interview_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."interview_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_interview_candidate_id_interview_candidate_id_fk" FOREIGN KEY ("interview_candidate_id") REFERENCES "public"."interview_candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_examiner_id_interview_examiner_id_fk" FOREIGN KEY ("examiner_id") REFERENCES "public"."interview_examiner"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet_history" ADD CONSTRAINT "score_sheet_history_sheet_id_score_sheet_id_fk" FOREIGN KEY ("sheet_id") REFERENCES "public"."score_sheet"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interview_result_event_idx" ON "interview_result" USING btree ("interview_event_id","session_id","group_id");--> statement-breakpoint
CREATE INDEX "score_sheet_group_idx" ON "score_sheet" USING btree ("session_id","group_id");--> statement-breakpoint
CREATE INDEX "score_sheet_history_sheet_idx" ON "score_sheet_history" USING btree ("sheet_id","seq");--> statement-breakpoint
-- §7, IVW-10 留痕: what happened to a score sheet is append-only, as the problem center's history.
CREATE FUNCTION kaolu_score_sheet_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '评分记录只允许追加，拒绝对 % 执行 %', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER score_sheet_history_append_only BEFORE UPDATE OR DELETE ON "score_sheet_history" FOR EACH ROW EXECUTE FUNCTION kaolu_score_sheet_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER score_sheet_history_no_truncate BEFORE TRUNCATE ON "score_sheet_history" FOR EACH STATEMENT EXECUTE FUNCTION kaolu_score_sheet_history_refuse_change();
