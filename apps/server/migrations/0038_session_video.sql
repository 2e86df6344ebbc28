CREATE TABLE "scheduling"."session_recordings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"provider_recording_id" text,
	"status" text DEFAULT 'starting' NOT NULL,
	"started_by" uuid NOT NULL,
	"location" text,
	"stop_reason" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone,
	CONSTRAINT "session_recordings_status_ck" CHECK ("scheduling"."session_recordings"."status" in ('starting', 'active', 'stopped', 'ended', 'failed')),
	CONSTRAINT "session_recordings_reason_ck" CHECK ("scheduling"."session_recordings"."stop_reason" is null or "scheduling"."session_recordings"."stop_reason" in ('specialist', 'consent_revoked', 'session_ended', 'provider'))
);
--> statement-breakpoint
CREATE TABLE "scheduling"."session_video_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"provider_event_id" text NOT NULL,
	"kind" text NOT NULL,
	"participant_user_id" uuid,
	"recording_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_video_events_kind_ck" CHECK ("scheduling"."session_video_events"."kind" in ('room_started', 'room_finished', 'participant_joined', 'participant_left', 'egress_started', 'egress_updated', 'egress_ended'))
);
--> statement-breakpoint
ALTER TABLE "scheduling"."session_recordings" ADD CONSTRAINT "session_recordings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_recordings" ADD CONSTRAINT "session_recordings_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_recordings" ADD CONSTRAINT "session_recordings_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_video_events" ADD CONSTRAINT "session_video_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_video_events" ADD CONSTRAINT "session_video_events_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_video_events" ADD CONSTRAINT "session_video_events_participant_user_id_users_id_fk" FOREIGN KEY ("participant_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "session_recordings_provider_uq" ON "scheduling"."session_recordings" USING btree ("provider_recording_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_recordings_running_uq" ON "scheduling"."session_recordings" USING btree ("appointment_id") WHERE "scheduling"."session_recordings"."status" in ('starting', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "session_video_events_delivery_uq" ON "scheduling"."session_video_events" USING btree ("org_id","provider_event_id");--> statement-breakpoint
CREATE INDEX "session_video_events_appointment_idx" ON "scheduling"."session_video_events" USING btree ("appointment_id","occurred_at");