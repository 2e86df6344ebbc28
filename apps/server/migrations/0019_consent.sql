CREATE SCHEMA "consent";
--> statement-breakpoint
CREATE TABLE "consent"."records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"action" text NOT NULL,
	"kind" text NOT NULL,
	"template_id" uuid NOT NULL,
	"grant_id" uuid,
	"recipient_user_id" uuid,
	"scope" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"session_id" uuid,
	"expires_at" timestamp with time zone,
	"language" text NOT NULL,
	"signer_name_ciphertext" "bytea",
	"signed_hash" text,
	"ip" "inet",
	"reason_ciphertext" "bytea",
	"recorded_by" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent"."templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"kind" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"version" integer NOT NULL,
	"title_uk" text NOT NULL,
	"title_en" text NOT NULL,
	"body_uk" text NOT NULL,
	"body_en" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent"."records" ADD CONSTRAINT "records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."records" ADD CONSTRAINT "records_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."records" ADD CONSTRAINT "records_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "consent"."templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."records" ADD CONSTRAINT "records_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent"."templates" ADD CONSTRAINT "templates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "records_client_idx" ON "consent"."records" USING btree ("org_id","client_user_id","kind","at");--> statement-breakpoint
CREATE INDEX "records_grant_idx" ON "consent"."records" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "records_recipient_idx" ON "consent"."records" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_platform_uq" ON "consent"."templates" USING btree ("kind","jurisdiction","version") WHERE "consent"."templates"."org_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "templates_org_uq" ON "consent"."templates" USING btree ("org_id","kind","jurisdiction","version") WHERE "consent"."templates"."org_id" is not null;