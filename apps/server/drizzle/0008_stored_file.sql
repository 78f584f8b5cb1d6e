CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sm3" text NOT NULL,
	"content_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stored_file_owner_idx" ON "stored_file" USING btree ("owner_kind","owner_id","purpose");--> statement-breakpoint
-- INT-05: a stored file never changes, so a frozen snapshot naming its id always means the same bytes.
-- Only content_enc may be rewritten: key rotation re-encrypts it, and every read checks the SM3 digest.
CREATE FUNCTION kaolu_stored_file_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.id, NEW.owner_kind, NEW.owner_id, NEW.purpose, NEW.file_name, NEW.mime, NEW.size_bytes, NEW.sm3, NEW.created_at)
     IS NOT DISTINCT FROM (OLD.id, OLD.owner_kind, OLD.owner_id, OLD.purpose, OLD.file_name, OLD.mime, OLD.size_bytes, OLD.sm3, OLD.created_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '已上传的文件不可修改（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER stored_file_immutable BEFORE UPDATE ON "stored_file" FOR EACH ROW EXECUTE FUNCTION kaolu_stored_file_immutable();
