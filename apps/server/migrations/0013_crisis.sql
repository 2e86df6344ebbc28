CREATE SCHEMA "crisis";
--> statement-breakpoint
CREATE TABLE "crisis"."alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"jurisdiction" text,
	"note_ciphertext" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crisis"."escalation_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"step" text NOT NULL,
	"channel" text,
	"recipient_user_id" uuid,
	"detail" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis"."safety_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content_ciphertext" "bytea" NOT NULL,
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."orgs" ADD COLUMN "crisis_escalation_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "crisis"."alerts" ADD CONSTRAINT "alerts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis"."alerts" ADD CONSTRAINT "alerts_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis"."escalation_log" ADD CONSTRAINT "escalation_log_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis"."escalation_log" ADD CONSTRAINT "escalation_log_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "crisis"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis"."safety_plans" ADD CONSTRAINT "safety_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis"."safety_plans" ADD CONSTRAINT "safety_plans_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_org_status_idx" ON "crisis"."alerts" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "alerts_client_idx" ON "crisis"."alerts" USING btree ("client_user_id");--> statement-breakpoint
CREATE INDEX "escalation_log_alert_idx" ON "crisis"."escalation_log" USING btree ("alert_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_plans_version_uq" ON "crisis"."safety_plans" USING btree ("org_id","client_user_id","version");