-- AlterTable
ALTER TABLE "live_sessions" ADD COLUMN     "levels" JSONB;
