CREATE TABLE "interface_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"adapter" text NOT NULL,
	"operation" text NOT NULL,
	"subject_masked" text NOT NULL,
	"outcome" text NOT NULL,
	"attempts" integer NOT NULL,
	"latency_ms" integer NOT NULL,
	"provider" text NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_photo" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_profile" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_profile_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_profile_version_uq" UNIQUE("candidate_id","version")
);
--> statement-breakpoint
CREATE TABLE "exam_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"exam_category" text NOT NULL,
	"subject_code" text,
	"status" text NOT NULL,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"profile_version" integer NOT NULL,
	"profile_snapshot" jsonb NOT NULL,
	"policy_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_registration_event_candidate_uq" UNIQUE("event_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "registration_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"message" text NOT NULL,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_callback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" text NOT NULL,
	"notice_number" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_callback_transaction_id_unique" UNIQUE("transaction_id")
);
--> statement-breakpoint
CREATE TABLE "payment_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"notice_number" text,
	"amount_cents" integer NOT NULL,
	"payer_name" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"pay_url" text,
	"paid_cents" integer DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"transaction_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_notice_notice_number_unique" UNIQUE("notice_number"),
	CONSTRAINT "payment_notice_transaction_id_unique" UNIQUE("transaction_id"),
	CONSTRAINT "payment_notice_registration_uq" UNIQUE("registration_id")
);
--> statement-breakpoint
CREATE TABLE "refund_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_notice_id" uuid NOT NULL,
	"transaction_id" text NOT NULL,
	"refund_number" text,
	"amount_cents" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refund_notice_transaction_id_unique" UNIQUE("transaction_id"),
	CONSTRAINT "refund_notice_refund_number_unique" UNIQUE("refund_number")
);
--> statement-breakpoint
CREATE TABLE "admission_ticket" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"seat_number" integer NOT NULL,
	"ticket_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admission_ticket_registration_id_unique" UNIQUE("registration_id"),
	CONSTRAINT "admission_ticket_ticket_number_unique" UNIQUE("ticket_number"),
	CONSTRAINT "admission_ticket_room_seat_uq" UNIQUE("room_id","seat_number")
);
--> statement-breakpoint
CREATE TABLE "exam_room" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"exam_category" text NOT NULL,
	"site_name" text NOT NULL,
	"site_address" text NOT NULL,
	"room_code" text NOT NULL,
	"capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_room_event_site_room_uq" UNIQUE("event_id","site_name","room_code")
);
--> statement-breakpoint
CREATE TABLE "seat_draw" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"input_digest" text NOT NULL,
	"summary" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seat_draw_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "candidate_photo" ADD CONSTRAINT "candidate_photo_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profile" ADD CONSTRAINT "candidate_profile_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profile_version" ADD CONSTRAINT "candidate_profile_version_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_registration" ADD CONSTRAINT "exam_registration_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_registration" ADD CONSTRAINT "exam_registration_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_timeline" ADD CONSTRAINT "registration_timeline_registration_id_exam_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."exam_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notice" ADD CONSTRAINT "payment_notice_registration_id_exam_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."exam_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refund_notice" ADD CONSTRAINT "refund_notice_payment_notice_id_payment_notice_id_fk" FOREIGN KEY ("payment_notice_id") REFERENCES "public"."payment_notice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_ticket" ADD CONSTRAINT "admission_ticket_registration_id_exam_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."exam_registration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_ticket" ADD CONSTRAINT "admission_ticket_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_ticket" ADD CONSTRAINT "admission_ticket_room_id_exam_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."exam_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_room" ADD CONSTRAINT "exam_room_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_draw" ADD CONSTRAINT "seat_draw_event_id_recruitment_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."recruitment_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interface_log_created_idx" ON "interface_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "interface_log_adapter_idx" ON "interface_log" USING btree ("adapter","created_at");--> statement-breakpoint
CREATE INDEX "candidate_photo_confirmed_idx" ON "candidate_photo" USING btree ("confirmed_at");--> statement-breakpoint
CREATE INDEX "exam_registration_candidate_idx" ON "exam_registration" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "exam_registration_event_status_idx" ON "exam_registration" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "registration_timeline_registration_idx" ON "registration_timeline" USING btree ("registration_id","at");--> statement-breakpoint
CREATE INDEX "payment_notice_event_status_idx" ON "payment_notice" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "refund_notice_payment_idx" ON "refund_notice" USING btree ("payment_notice_id");--> statement-breakpoint
CREATE INDEX "admission_ticket_event_idx" ON "admission_ticket" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "exam_room_event_idx" ON "exam_room" USING btree ("event_id");