CREATE SCHEMA "privacy";
--> statement-breakpoint
CREATE TABLE "privacy"."erasure_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"reason_ciphertext" "bytea",
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "privacy"."legal_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"client_user_id" uuid NOT NULL,
	"category" text NOT NULL,
	"basis" text NOT NULL,
	"reason" text NOT NULL,
	"expires_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "privacy"."erasure_requests" ADD CONSTRAINT "erasure_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy"."erasure_requests" ADD CONSTRAINT "erasure_requests_client_user_id_users_id_fk" FOREIGN KEY ("client_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy"."legal_holds" ADD CONSTRAINT "legal_holds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "identity"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy"."legal_holds" ADD CONSTRAINT "legal_holds_request_id_erasure_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "privacy"."erasure_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "erasure_requests_org_idx" ON "privacy"."erasure_requests" USING btree ("org_id","requested_at");--> statement-breakpoint
CREATE INDEX "erasure_requests_client_idx" ON "privacy"."erasure_requests" USING btree ("client_user_id");--> statement-breakpoint
CREATE INDEX "legal_holds_expiry_idx" ON "privacy"."legal_holds" USING btree ("expires_on");