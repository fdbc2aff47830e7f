-- CreateTable
CREATE TABLE "live_sessions" (
    "id" VARCHAR(64) NOT NULL,
    "code" VARCHAR(6) NOT NULL,
    "active_code" VARCHAR(6),
    "teacher_id" VARCHAR(64) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "phase" VARCHAR(16) NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMP(3),

    CONSTRAINT "live_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "live_events" (
    "session_id" VARCHAR(64) NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" BIGINT NOT NULL,
    "type" VARCHAR(16) NOT NULL,
    "event" JSONB NOT NULL,

    CONSTRAINT "live_events_pkey" PRIMARY KEY ("session_id","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "live_sessions_active_code_key" ON "live_sessions"("active_code");

-- CreateIndex
CREATE INDEX "live_sessions_teacher_id_created_at_idx" ON "live_sessions"("teacher_id", "created_at");

-- AddForeignKey
ALTER TABLE "live_events" ADD CONSTRAINT "live_events_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
