CREATE TABLE "scheduling"."reminders_sent" (
	"appointment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_appointment_id_kind_pk" PRIMARY KEY("appointment_id","kind")
);
--> statement-breakpoint
ALTER TABLE "scheduling"."specialist_settings" ADD COLUMN "calendar_token" text;--> statement-breakpoint
ALTER TABLE "notify"."mail_outbox" ADD COLUMN "calendar_ics" text;--> statement-breakpoint
ALTER TABLE "scheduling"."reminders_sent" ADD CONSTRAINT "reminders_sent_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointments"("id") ON DELETE no action ON UPDATE no action;