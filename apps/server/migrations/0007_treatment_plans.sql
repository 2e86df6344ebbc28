CREATE TABLE "clinical"."plan_progress" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"goal_id" text NOT NULL,
	"objective_id" text,
	"progress" integer NOT NULL,
	"note_ciphertext" "bytea",
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinical"."treatment_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content_ciphertext" "bytea" NOT NULL,
	"review_date" date,
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinical"."plan_progress" ADD CONSTRAINT "plan_progress_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical"."plan_progress" ADD CONSTRAINT "plan_progress_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "case_mgmt"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical"."treatment_plans" ADD CONSTRAINT "treatment_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical"."treatment_plans" ADD CONSTRAINT "treatment_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "case_mgmt"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_progress_case_idx" ON "clinical"."plan_progress" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_plans_version_uq" ON "clinical"."treatment_plans" USING btree ("case_id","version");