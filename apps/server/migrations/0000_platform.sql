CREATE SCHEMA "identity";
--> statement-breakpoint
CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE SCHEMA "notify";
--> statement-breakpoint
CREATE SCHEMA "crypto";
--> statement-breakpoint
CREATE TABLE "identity"."auth_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid,
	"token_hash" "bytea" NOT NULL,
	"user_agent" text,
	"ip" "inet",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"rotated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "identity"."invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"email_blind_index" "bytea" NOT NULL,
	"email_ciphertext" "bytea" NOT NULL,
	"role" text NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"invited_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."login_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity"."memberships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity"."orgs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'Europe/Kyiv' NOT NULL,
	"locale" text DEFAULT 'uk' NOT NULL,
	"currency" text DEFAULT 'UAH' NOT NULL,
	"region" text DEFAULT 'ua' NOT NULL,
	"require_specialist_mfa" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."password_resets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."recovery_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" "bytea" NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email_blind_index" "bytea" NOT NULL,
	"email_ciphertext" "bytea" NOT NULL,
	"name_ciphertext" "bytea" NOT NULL,
	"phone_ciphertext" "bytea",
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'uk' NOT NULL,
	"platform_admin" boolean DEFAULT false NOT NULL,
	"totp_secret_ciphertext" "bytea",
	"totp_enabled_at" timestamp with time zone,
	"totp_last_step" integer,
	"default_org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit"."audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"lane" smallint DEFAULT 0 NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text,
	"subject_user_id" uuid,
	"purpose" text NOT NULL,
	"outcome" text DEFAULT 'success' NOT NULL,
	"request_id" text,
	"ip" "inet",
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" "bytea",
	"hash" "bytea"
);
--> statement-breakpoint
CREATE TABLE "notify"."mail_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"to_ciphertext" "bytea" NOT NULL,
	"subject" text NOT NULL,
	"body_ciphertext" "bytea" NOT NULL,
	"template" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crypto"."data_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"purpose" text NOT NULL,
	"org_id" uuid,
	"owner_user_id" uuid,
	"kek_id" text NOT NULL,
	"wrapped" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_at" timestamp with time zone,
	"destroyed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identity"."auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."invitations" ADD CONSTRAINT "invitations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."memberships" ADD CONSTRAINT "memberships_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity"."recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "auth_sessions_token_uq" ON "identity"."auth_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "auth_sessions_family_idx" ON "identity"."auth_sessions" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "identity"."auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_uq" ON "identity"."invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_org_idx" ON "identity"."invitations" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_active_uq" ON "identity"."memberships" USING btree ("org_id","user_id") WHERE "identity"."memberships"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "identity"."memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_token_uq" ON "identity"."password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "recovery_codes_user_idx" ON "identity"."recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_bidx" ON "identity"."users" USING btree ("email_blind_index");--> statement-breakpoint
CREATE INDEX "audit_log_chain_idx" ON "audit"."audit_log" USING btree ("org_id","lane","seq");--> statement-breakpoint
CREATE INDEX "audit_log_org_at_idx" ON "audit"."audit_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit"."audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit"."audit_log" USING btree ("subject_user_id","at");--> statement-breakpoint
CREATE INDEX "mail_outbox_created_idx" ON "notify"."mail_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "data_keys_org_idx" ON "crypto"."data_keys" USING btree ("org_id") WHERE "crypto"."data_keys"."scope" = 'org';--> statement-breakpoint
CREATE INDEX "data_keys_user_idx" ON "crypto"."data_keys" USING btree ("owner_user_id") WHERE "crypto"."data_keys"."scope" = 'user';