CREATE TABLE "audit_archive" (
	"id" serial PRIMARY KEY NOT NULL,
	"first_id" bigint NOT NULL,
	"last_id" bigint NOT NULL,
	"checkpoint_id" integer NOT NULL,
	"entry_count" integer NOT NULL,
	"file_sm3" text NOT NULL,
	"file_name" text NOT NULL,
	"archived_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"archived_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_id" bigint DEFAULT 0 NOT NULL,
	"last_mac" text DEFAULT '0000000000000000000000000000000000000000000000000000000000000000' NOT NULL,
	"checkpointed_up_to" bigint DEFAULT 0 NOT NULL,
	"last_checkpoint_at" timestamp (3) with time zone,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoint" (
	"id" serial PRIMARY KEY NOT NULL,
	"first_id" bigint NOT NULL,
	"last_id" bigint NOT NULL,
	"last_mac" text NOT NULL,
	"entry_count" integer NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entry" (
	"id" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"actor_role" text,
	"ip" text,
	"request_id" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"result" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_mac" text NOT NULL,
	"mac" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_archive" ADD CONSTRAINT "audit_archive_checkpoint_id_audit_checkpoint_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."audit_checkpoint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entry_occurred_at_idx" ON "audit_entry" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_entry_action_idx" ON "audit_entry" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_entry_actor_idx" ON "audit_entry" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_entry_target_idx" ON "audit_entry" USING btree ("target_type","target_id");