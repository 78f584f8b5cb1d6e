CREATE TABLE "audit_pending" (
	"seq" bigserial PRIMARY KEY NOT NULL,
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
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
-- REG-08: pending entries can be neither edited nor bulk-removed; only the sealer, which declares
-- itself transaction-locally and inserts each row into the chain in the same transaction, deletes.
CREATE FUNCTION kaolu_audit_pending_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('kaolu.audit_seal', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '待封存的审计记录不可修改或删除（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_pending_guard BEFORE UPDATE OR DELETE ON "audit_pending" FOR EACH ROW EXECUTE FUNCTION kaolu_audit_pending_guard();
--> statement-breakpoint
CREATE TRIGGER audit_pending_no_truncate BEFORE TRUNCATE ON "audit_pending" FOR EACH STATEMENT EXECUTE FUNCTION kaolu_audit_pending_guard();
