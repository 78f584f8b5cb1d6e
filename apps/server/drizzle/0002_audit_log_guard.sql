-- REG-08: the audit log is append-only. Row triggers refuse UPDATE and DELETE, a statement trigger
-- refuses TRUNCATE, for every role that has not disabled triggers. The one way to drop entries is
-- kaolu_audit_archive(), and only for a range closed by a signed checkpoint and older than 180 days.
INSERT INTO "audit_chain_head" ("id") VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION kaolu_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Set transaction-locally by kaolu_audit_archive only; a plain DELETE never sees it.
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_entry' AND current_setting('kaolu.audit_archive', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '审计日志只允许追加，拒绝对 % 执行 %', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION kaolu_audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION kaolu_audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON "audit_checkpoint" FOR EACH ROW EXECUTE FUNCTION kaolu_audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint" FOR EACH STATEMENT EXECUTE FUNCTION kaolu_audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_archive_append_only BEFORE UPDATE OR DELETE ON "audit_archive" FOR EACH ROW EXECUTE FUNCTION kaolu_audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON "audit_archive" FOR EACH STATEMENT EXECUTE FUNCTION kaolu_audit_refuse_change();
--> statement-breakpoint
-- Drops every entry up to a signed checkpoint after the caller exported them to a file (sm3 given).
-- SECURITY DEFINER: with separate roles, the runtime role gets EXECUTE on this and no DELETE at all.
CREATE FUNCTION kaolu_audit_archive(p_checkpoint_id integer, p_file_sm3 text, p_file_name text, p_archived_by text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  cp audit_checkpoint%ROWTYPE;
  v_first bigint;
  v_newest timestamptz;
  v_deleted integer;
BEGIN
  SELECT * INTO cp FROM audit_checkpoint WHERE id = p_checkpoint_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION '签名检查点 % 不存在', p_checkpoint_id;
  END IF;
  SELECT min(id), max(occurred_at) INTO v_first, v_newest FROM audit_entry WHERE id <= cp.last_id;
  IF v_first IS NULL THEN
    RAISE EXCEPTION '检查点 % 之前没有可归档的日志', p_checkpoint_id;
  END IF;
  IF v_newest > now() - interval '180 days' THEN
    RAISE EXCEPTION '审计日志至少保留 180 天，检查点 % 之前仍有较新的日志', p_checkpoint_id;
  END IF;
  PERFORM set_config('kaolu.audit_archive', 'on', true);
  DELETE FROM audit_entry WHERE id <= cp.last_id;
  GET DIAGNOSTICS v_deleted = ROW_COUNT;
  PERFORM set_config('kaolu.audit_archive', 'off', true);
  INSERT INTO audit_archive (first_id, last_id, checkpoint_id, entry_count, file_sm3, file_name, archived_by)
    VALUES (v_first, cp.last_id, cp.id, v_deleted, p_file_sm3, p_file_name, p_archived_by);
  RETURN v_deleted;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kaolu_audit_archive(integer, text, text, text) FROM PUBLIC;
