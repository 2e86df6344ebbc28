CREATE SCHEMA "selfcare";
--> statement-breakpoint
CREATE TABLE "selfcare"."mood_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"note_ciphertext" "bytea",
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "selfcare"."mood_entries" ADD CONSTRAINT "mood_entries_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "identity"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mood_entries_owner_idx" ON "selfcare"."mood_entries" USING btree ("owner_user_id","at");