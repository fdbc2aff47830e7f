-- CreateTable
CREATE TABLE "teacher_levels" (
    "id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "level" JSONB NOT NULL,
    "checked_with" VARCHAR(40),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "teacher_levels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teacher_level_assignments" (
    "level_id" UUID NOT NULL,
    "class_id" UUID NOT NULL,
    "assigned_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "teacher_level_assignments_pkey" PRIMARY KEY ("level_id","class_id")
);

-- CreateIndex
CREATE INDEX "teacher_levels_author_id_updated_at_idx" ON "teacher_levels"("author_id", "updated_at");

-- CreateIndex
CREATE INDEX "teacher_level_assignments_class_id_idx" ON "teacher_level_assignments"("class_id");

-- AddForeignKey
ALTER TABLE "teacher_levels" ADD CONSTRAINT "teacher_levels_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "teacher_level_assignments" ADD CONSTRAINT "teacher_level_assignments_level_id_fkey" FOREIGN KEY ("level_id") REFERENCES "teacher_levels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "teacher_level_assignments" ADD CONSTRAINT "teacher_level_assignments_class_id_fkey" FOREIGN KEY ("class_id") REFERENCES "classes"("id") ON DELETE CASCADE ON UPDATE CASCADE;
