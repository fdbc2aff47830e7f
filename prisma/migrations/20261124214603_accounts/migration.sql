-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "role" VARCHAR(8) NOT NULL,
    "login" VARCHAR(254) NOT NULL,
    "password_hash" VARCHAR(256) NOT NULL,
    "display_name" VARCHAR(40) NOT NULL,
    "leaderboard_opt_in" BOOLEAN NOT NULL DEFAULT false,
    "player_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_sessions" (
    "id" VARCHAR(64) NOT NULL,
    "account_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_resets" (
    "id" VARCHAR(64) NOT NULL,
    "account_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),

    CONSTRAINT "password_resets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "classes" (
    "id" UUID NOT NULL,
    "teacher_id" UUID NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "code" VARCHAR(8) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "classes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "class_members" (
    "class_id" UUID NOT NULL,
    "student_id" UUID NOT NULL,
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "class_members_pkey" PRIMARY KEY ("class_id","student_id")
);

-- CreateTable
CREATE TABLE "live_attendance" (
    "session_id" VARCHAR(64) NOT NULL,
    "participant_id" VARCHAR(64) NOT NULL,
    "player_id" UUID NOT NULL,
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_attendance_pkey" PRIMARY KEY ("session_id","participant_id")
);

-- CreateTable
CREATE TABLE "level_bests" (
    "level_id" VARCHAR(64) NOT NULL,
    "player_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "elapsed_ms" INTEGER NOT NULL,
    "rank_key" BIGINT NOT NULL,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "achieved_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "level_bests_pkey" PRIMARY KEY ("level_id","player_id")
);

-- CreateTable
CREATE TABLE "weekly_level_bests" (
    "week" DATE NOT NULL,
    "level_id" VARCHAR(64) NOT NULL,
    "player_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "elapsed_ms" INTEGER NOT NULL,
    "rank_key" BIGINT NOT NULL,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "achieved_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "weekly_level_bests_pkey" PRIMARY KEY ("week","level_id","player_id")
);

-- CreateTable
CREATE TABLE "player_totals" (
    "player_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "elapsed_ms" BIGINT NOT NULL,
    "levels" INTEGER NOT NULL,
    "rank_key" BIGINT NOT NULL,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "player_totals_pkey" PRIMARY KEY ("player_id")
);

-- CreateTable
CREATE TABLE "weekly_totals" (
    "week" DATE NOT NULL,
    "player_id" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "elapsed_ms" BIGINT NOT NULL,
    "levels" INTEGER NOT NULL,
    "rank_key" BIGINT NOT NULL,
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "weekly_totals_pkey" PRIMARY KEY ("week","player_id")
);

-- CreateTable
CREATE TABLE "play_days" (
    "player_id" UUID NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "play_days_pkey" PRIMARY KEY ("player_id","day")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_login_key" ON "accounts"("login");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_player_id_key" ON "accounts"("player_id");

-- CreateIndex
CREATE INDEX "auth_sessions_account_id_idx" ON "auth_sessions"("account_id");

-- CreateIndex
CREATE INDEX "password_resets_account_id_idx" ON "password_resets"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "classes_code_key" ON "classes"("code");

-- CreateIndex
CREATE INDEX "classes_teacher_id_created_at_idx" ON "classes"("teacher_id", "created_at");

-- CreateIndex
CREATE INDEX "class_members_student_id_idx" ON "class_members"("student_id");

-- CreateIndex
CREATE INDEX "live_attendance_player_id_idx" ON "live_attendance"("player_id");

-- CreateIndex
CREATE INDEX "level_bests_level_id_listed_rank_key_player_id_idx" ON "level_bests"("level_id", "listed", "rank_key" DESC, "player_id" DESC);

-- CreateIndex
CREATE INDEX "level_bests_player_id_idx" ON "level_bests"("player_id");

-- CreateIndex
CREATE INDEX "weekly_level_bests_week_level_id_listed_rank_key_player_id_idx" ON "weekly_level_bests"("week", "level_id", "listed", "rank_key" DESC, "player_id" DESC);

-- CreateIndex
CREATE INDEX "weekly_level_bests_player_id_idx" ON "weekly_level_bests"("player_id");

-- CreateIndex
CREATE INDEX "player_totals_listed_rank_key_player_id_idx" ON "player_totals"("listed", "rank_key" DESC, "player_id" DESC);

-- CreateIndex
CREATE INDEX "weekly_totals_week_listed_rank_key_player_id_idx" ON "weekly_totals"("week", "listed", "rank_key" DESC, "player_id" DESC);

-- CreateIndex
CREATE INDEX "weekly_totals_player_id_idx" ON "weekly_totals"("player_id");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classes" ADD CONSTRAINT "classes_teacher_id_fkey" FOREIGN KEY ("teacher_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "class_members" ADD CONSTRAINT "class_members_class_id_fkey" FOREIGN KEY ("class_id") REFERENCES "classes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "class_members" ADD CONSTRAINT "class_members_student_id_fkey" FOREIGN KEY ("student_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "live_attendance" ADD CONSTRAINT "live_attendance_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_bests" ADD CONSTRAINT "level_bests_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_level_bests" ADD CONSTRAINT "weekly_level_bests_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "player_totals" ADD CONSTRAINT "player_totals_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "weekly_totals" ADD CONSTRAINT "weekly_totals_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "play_days" ADD CONSTRAINT "play_days_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;
