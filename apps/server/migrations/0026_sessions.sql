CREATE TABLE "scheduling"."licences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"specialist_user_id" uuid NOT NULL,
	"jurisdiction" text NOT NULL,
	"licence_number" text
);
--> statement-breakpoint
CREATE TABLE "scheduling"."session_presence" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"client_location" text NOT NULL,
	"licence_warning" boolean NOT NULL,
	"device_check" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"admitted_at" timestamp with time zone,
	"admitted_by" uuid,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "scheduling"."licences" ADD CONSTRAINT "licences_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."licences" ADD CONSTRAINT "licences_specialist_user_id_users_id_fk" FOREIGN KEY ("specialist_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_presence" ADD CONSTRAINT "session_presence_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_presence" ADD CONSTRAINT "session_presence_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licences_specialist_idx" ON "scheduling"."licences" USING btree ("specialist_user_id");