CREATE SCHEMA "case_mgmt";
--> statement-breakpoint
CREATE TABLE "case_mgmt"."case_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_mgmt"."case_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note_ciphertext" "bytea",
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_mgmt"."cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"specialist_user_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"risk_level" text DEFAULT 'low' NOT NULL,
	"jurisdiction" text NOT NULL,
	"title_ciphertext" "bytea" NOT NULL,
	"insurance_ciphertext" "bytea",
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"last_session_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_mgmt"."case_access" ADD CONSTRAINT "case_access_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mgmt"."case_access" ADD CONSTRAINT "case_access_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "case_mgmt"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mgmt"."case_access" ADD CONSTRAINT "case_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mgmt"."case_events" ADD CONSTRAINT "case_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mgmt"."case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "case_mgmt"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mgmt"."cases" ADD CONSTRAINT "cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mgmt"."cases" ADD CONSTRAINT "cases_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_mgmt"."cases" ADD CONSTRAINT "cases_specialist_user_id_users_id_fk" FOREIGN KEY ("specialist_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_access_active_uq" ON "case_mgmt"."case_access" USING btree ("case_id","user_id") WHERE "case_mgmt"."case_access"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "case_access_user_idx" ON "case_mgmt"."case_access" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_mgmt"."case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "cases_org_updated_idx" ON "case_mgmt"."cases" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "cases_specialist_idx" ON "case_mgmt"."cases" USING btree ("org_id","specialist_user_id","updated_at");--> statement-breakpoint
CREATE INDEX "cases_client_idx" ON "case_mgmt"."cases" USING btree ("client_user_id");--> statement-breakpoint
CREATE INDEX "cases_auto_pause_idx" ON "case_mgmt"."cases" USING btree ("last_session_at") WHERE "case_mgmt"."cases"."status" = 'active';