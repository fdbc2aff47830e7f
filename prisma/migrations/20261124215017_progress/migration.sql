-- CreateTable
CREATE TABLE "level_progress" (
    "player_id" UUID NOT NULL,
    "level_id" VARCHAR(64) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "completions" INTEGER NOT NULL DEFAULT 0,
    "best_score" INTEGER NOT NULL DEFAULT 0,
    "stars" SMALLINT NOT NULL DEFAULT 0,
    "passed" BOOLEAN NOT NULL DEFAULT false,
    "best_hints" INTEGER NOT NULL DEFAULT 0,
    "best_time_ms" INTEGER,
    "hints_used" INTEGER NOT NULL DEFAULT 0,
    "time_spent_ms" BIGINT NOT NULL DEFAULT 0,
    "open_play_id" UUID,
    "last_checkpoint" INTEGER NOT NULL DEFAULT 0,
    "first_played_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_played_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "level_progress_pkey" PRIMARY KEY ("player_id","level_id")
);

-- CreateTable
CREATE TABLE "checkpoint_progress" (
    "player_id" UUID NOT NULL,
    "level_id" VARCHAR(64) NOT NULL,
    "checkpoint" SMALLINT NOT NULL,
    "first_try_correct" BOOLEAN,
    "answers" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,
    "hints_used" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "checkpoint_progress_pkey" PRIMARY KEY ("player_id","level_id","checkpoint")
);

-- CreateTable
CREATE TABLE "level_plays" (
    "id" UUID NOT NULL,
    "player_id" UUID NOT NULL,
    "level_id" VARCHAR(64) NOT NULL,
    "state" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "score" INTEGER,
    "stars" SMALLINT,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "level_plays_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "level_progress_open_play_id_key" ON "level_progress"("open_play_id");

-- CreateIndex
CREATE INDEX "level_progress_player_id_last_played_at_idx" ON "level_progress"("player_id", "last_played_at" DESC);

-- CreateIndex
CREATE INDEX "level_plays_player_id_level_id_started_at_idx" ON "level_plays"("player_id", "level_id", "started_at");

-- AddForeignKey
ALTER TABLE "level_progress" ADD CONSTRAINT "level_progress_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkpoint_progress" ADD CONSTRAINT "checkpoint_progress_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_plays" ADD CONSTRAINT "level_plays_player_id_fkey" FOREIGN KEY ("player_id") REFERENCES "players"("id") ON DELETE CASCADE ON UPDATE CASCADE;
