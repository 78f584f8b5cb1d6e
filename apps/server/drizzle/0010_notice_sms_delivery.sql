CREATE TABLE "notice_sms_delivery" (
	"notice_id" uuid NOT NULL,
	"notice_version" integer NOT NULL,
	"candidate_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"code" text,
	"reason" text,
	"sms_message_id" uuid,
	"claimed_at" timestamp with time zone NOT NULL,
	"at" timestamp with time zone,
	CONSTRAINT "notice_sms_delivery_pk" PRIMARY KEY("notice_id","notice_version","candidate_id")
);
--> statement-breakpoint
ALTER TABLE "notice_sms_delivery" ADD CONSTRAINT "notice_sms_delivery_notice_id_notice_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_sms_delivery" ADD CONSTRAINT "notice_sms_delivery_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE no action ON UPDATE no action;