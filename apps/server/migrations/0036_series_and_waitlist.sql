CREATE TABLE "scheduling"."series" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"specialist_user_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"session_type_id" uuid NOT NULL,
	"rrule" text NOT NULL,
	"timezone" text NOT NULL,
	"first_starts_at" timestamp with time zone NOT NULL,
	"booked_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduling"."waitlist_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"specialist_user_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"session_type_id" uuid,
	"preferred_windows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduling"."waitlist_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"specialist_user_id" uuid NOT NULL,
	"session_type_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scheduling"."appointments" ADD COLUMN "late_reschedule" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduling"."appointments" ADD COLUMN "rescheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "scheduling"."appointments" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "scheduling"."series" ADD CONSTRAINT "series_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."series" ADD CONSTRAINT "series_specialist_user_id_users_id_fk" FOREIGN KEY ("specialist_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."series" ADD CONSTRAINT "series_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."series" ADD CONSTRAINT "series_session_type_id_session_types_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "scheduling"."session_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_entries" ADD CONSTRAINT "waitlist_entries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_entries" ADD CONSTRAINT "waitlist_entries_specialist_user_id_users_id_fk" FOREIGN KEY ("specialist_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_entries" ADD CONSTRAINT "waitlist_entries_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_entries" ADD CONSTRAINT "waitlist_entries_session_type_id_session_types_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "scheduling"."session_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offers" ADD CONSTRAINT "waitlist_offers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_id_waitlist_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "scheduling"."waitlist_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offers" ADD CONSTRAINT "waitlist_offers_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offers" ADD CONSTRAINT "waitlist_offers_specialist_user_id_users_id_fk" FOREIGN KEY ("specialist_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offers" ADD CONSTRAINT "waitlist_offers_session_type_id_session_types_id_fk" FOREIGN KEY ("session_type_id") REFERENCES "scheduling"."session_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."waitlist_offers" ADD CONSTRAINT "waitlist_offers_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "series_client_idx" ON "scheduling"."series" USING btree ("client_user_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_specialist_idx" ON "scheduling"."waitlist_entries" USING btree ("specialist_user_id","status","created_at");--> statement-breakpoint
CREATE INDEX "waitlist_entries_client_idx" ON "scheduling"."waitlist_entries" USING btree ("client_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_entry_start_idx" ON "scheduling"."waitlist_offers" USING btree ("entry_id","starts_at");--> statement-breakpoint
CREATE INDEX "waitlist_offers_client_idx" ON "scheduling"."waitlist_offers" USING btree ("client_user_id");--> statement-breakpoint
ALTER TABLE "scheduling"."appointments" ADD CONSTRAINT "appointments_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "scheduling"."series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_series_idx" ON "scheduling"."appointments" USING btree ("series_id","starts_at");