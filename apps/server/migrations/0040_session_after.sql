CREATE TABLE "scheduling"."session_feedback" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"case_id" uuid,
	"helpful" integer NOT NULL,
	"heard" integer NOT NULL,
	"comment_ciphertext" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selfcare"."homework" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"appointment_id" uuid,
	"client_user_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"title_ciphertext" "bytea" NOT NULL,
	"instructions_ciphertext" "bytea",
	"due_date" date,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinical"."notes" ADD COLUMN "appointment_id" uuid;--> statement-breakpoint
ALTER TABLE "scheduling"."session_feedback" ADD CONSTRAINT "session_feedback_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "scheduling"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_feedback" ADD CONSTRAINT "session_feedback_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_feedback" ADD CONSTRAINT "session_feedback_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduling"."session_feedback" ADD CONSTRAINT "session_feedback_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "case_mgmt"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfcare"."homework" ADD CONSTRAINT "homework_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfcare"."homework" ADD CONSTRAINT "homework_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "case_mgmt"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfcare"."homework" ADD CONSTRAINT "homework_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "homework_client_idx" ON "selfcare"."homework" USING btree ("client_user_id","created_at");--> statement-breakpoint
CREATE INDEX "homework_appointment_idx" ON "selfcare"."homework" USING btree ("appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notes_appointment_uq" ON "clinical"."notes" USING btree ("appointment_id");