package org.taizhang.core.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.core.DomainException;
import org.taizhang.core.i18n.Messages;
import org.taizhang.core.task.CancelledException;

class SafeFilesTest {
    @TempDir
    Path dir;

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesANewFile() throws IOException {
        Path target = dir.resolve("台账.csv");

        SafeFiles.write(target, out -> out.write("新内容".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("新内容");
        assertThat(filesIn(dir)).containsExactly("台账.csv");
    }

    @Test
    void aFolderGivenForTheFileIsSaidToBeOneAndKeptAsItIs() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("报表"));
        Files.writeString(folder.resolve("上次的.xlsx"), "上次");

        assertThatThrownBy(() -> SafeFiles.write(folder, out -> out.write(1)))
                .isInstanceOfSatisfying(
                        org.taizhang.core.DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("file.isFolder"));

        assertThat(folder).isDirectory();
        assertThat(filesIn(folder)).containsExactly("上次的.xlsx");
        assertThat(filesIn(dir)).containsExactly("报表");
    }

    @Test
    void anExportedFileGetsTheSamePermissionsAsAnyNewFileSoItCanBeShared() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));

        Path exported = dir.resolve("组织台账.csv");
        SafeFiles.write(exported, out -> out.write(1));

        assertThat(Files.getPosixFilePermissions(exported)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void createsMissingFolders() {
        Path target = dir.resolve("导出").resolve("2026").resolve("台账.csv");

        SafeFiles.write(target, out -> out.write('x'));

        assertThat(target).hasContent("x");
    }

    @Test
    void replacesAnExistingFileWholeAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("台账.csv");
        Files.writeString(target, "旧内容，比新内容长得多得多得多");

        SafeFiles.write(target, out -> out.write("新".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("新");
        assertThat(filesIn(dir)).containsExactly("台账.csv");
    }

    @Test
    void aFullDiskHalfWayKeepsTheOldFileLeavesNoTempFileAndReportsWriteFailed() throws IOException {
        Path target = dir.resolve("台账.xlsx");
        Files.writeString(target, "旧内容");

        assertThatThrownBy(() -> SafeFiles.write(target, out -> {
                    out.write("新内容的前一半".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    throw new IOException("No space left on device");
                }))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("file.writeFailed");
                    assertThat(e.args()).containsExactly(target.toAbsolutePath(), "No space left on device");
                    assertThat(e.getCause()).hasMessage("No space left on device");
                });

        assertThat(target).hasContent("旧内容");
        assertThat(filesIn(dir)).containsExactly("台账.xlsx");
    }

    /**
     * OpenPDF reports a full disk in the middle of a document as a DocumentException (a RuntimeException) whose
     * cause is the stream's IOException; it gave "程序内部错误：…DocumentException… No space left on device".
     */
    @Test
    void aFullDiskReportedInsideALibrarysRuntimeExceptionIsAWriteFailedToo() throws IOException {
        Path target = dir.resolve("台账.pdf");
        Files.writeString(target, "旧内容");

        assertThatThrownBy(() -> SafeFiles.write(target, out -> {
                    out.write("新内容的前一半".getBytes(StandardCharsets.UTF_8));
                    throw new IllegalStateException(new IOException("No space left on device"));
                }))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("file.writeFailed");
                    assertThat(e.args()).containsExactly(target.toAbsolutePath(), "No space left on device");
                });

        assertThat(target).hasContent("旧内容");
        assertThat(filesIn(dir)).containsExactly("台账.pdf");
    }

    /**
     * A target Windows will not let go of: a workbook open in Excel or WPS (access denied), or one OneDrive or a virus
     * scanner holds for a moment (a sharing violation). The move fails {@code failures} times, then works.
     */
    private static final class HeldTarget {
        final List<Long> pauses = new java.util.ArrayList<>();
        int moves;

        FileReplacer failing(int failures, IOException how) {
            return new FileReplacer(
                    (from, to) -> {
                        if (++moves <= failures) {
                            throw how;
                        }
                        Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    },
                    pauses::add);
        }
    }

    @Test
    void aTargetHeldForAMomentIsReplacedOnALaterTry() throws IOException {
        Path target = dir.resolve("组织台账.xlsx");
        Files.writeString(target, "旧内容");
        HeldTarget held = new HeldTarget();

        SafeFiles.write(
                target,
                out -> out.write("新".getBytes(StandardCharsets.UTF_8)),
                false,
                held.failing(
                        3,
                        new FileSystemException(
                                target.toString(),
                                null,
                                "The process cannot access the file because it is being used by another process")));

        assertThat(target).hasContent("新");
        assertThat(held.moves).isEqualTo(4);
        assertThat(held.pauses).containsExactly(100L, 200L, 300L);
        assertThat(filesIn(dir)).containsExactly("组织台账.xlsx");
    }

    @Test
    void aTargetStillOpenInExcelAfterASecondSaysCloseItFirstAndKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("组织台账.xlsx");
        Files.writeString(target, "旧内容");
        HeldTarget held = new HeldTarget();

        assertThatThrownBy(() -> SafeFiles.write(
                        target,
                        out -> out.write("新".getBytes(StandardCharsets.UTF_8)),
                        false,
                        held.failing(Integer.MAX_VALUE, new AccessDeniedException(target.toString()))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("file.inUse");
                    assertThat(Messages.forLocale(Messages.CHINESE).describe(e))
                            .startsWith("请先关闭该文件：" + target.toAbsolutePath())
                            .contains("Excel");
                });

        assertThat(held.moves).isEqualTo(FileReplacer.TRIES);
        assertThat(held.pauses.stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000L);
        assertThat(target).hasContent("旧内容");
        assertThat(filesIn(dir)).containsExactly("组织台账.xlsx");
    }

    @Test
    void aMoveThatFailsForAnotherReasonIsNotRetried() throws IOException {
        Path target = dir.resolve("台账.csv");
        HeldTarget held = new HeldTarget();

        assertThatThrownBy(() -> SafeFiles.write(
                        target,
                        out -> out.write('x'),
                        false,
                        held.failing(1, new FileSystemException(target.toString(), null, "Read-only file system"))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("file.writeFailed"));
        assertThat(held.moves).isEqualTo(1);
        assertThat(held.pauses).isEmpty();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll() throws IOException {
        Path target = dir.resolve("台账.xlsx");

        assertThatThrownBy(() -> SafeFiles.write(target, out -> {
                    out.write(new byte[1024]);
                    throw new IOException("Input/output error");
                }))
                .isInstanceOf(DomainException.class);

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aCancelHalfWayPassesThroughAndKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("台账.xlsx");
        Files.writeString(target, "旧内容");

        assertThatThrownBy(() -> SafeFiles.write(target, out -> {
                    out.write(new byte[4096]);
                    throw new CancelledException();
                }))
                .isInstanceOf(CancelledException.class);

        assertThat(target).hasContent("旧内容");
        assertThat(filesIn(dir)).containsExactly("台账.xlsx");
    }

    @Test
    void aFolderThatCannotBeCreatedIsReportedAsWriteFailed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("导出"), "a file where a folder should be");

        assertThatThrownBy(() -> SafeFiles.write(blocker.resolve("台账.csv"), out -> out.write('x')))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("file.writeFailed"));
        assertThat(blocker).hasContent("a file where a folder should be");
    }

    @Test
    void aPathUnderAFileReportsTheSystemsReasonNotATempFilePath() throws IOException {
        Path existing = Files.writeString(dir.resolve("台账.csv"), "a file, not a folder");
        Path target = existing.resolve("导出").resolve("台账.csv");

        assertThatThrownBy(() -> SafeFiles.write(target, out -> out.write('x')))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("file.writeFailed");
                    assertThat(e.args()).containsExactly(target.toAbsolutePath(), "Not a directory");
                });
        assertThat(existing).hasContent("a file, not a folder");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedInTheReason() throws IOException {
        Path blocker = Files.writeString(dir.resolve("导出"), "a file where a folder should be");
        Path target = blocker.resolve("台账.csv");

        assertThatThrownBy(() -> SafeFiles.write(target, out -> out.write('x')))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(Messages.forLocale(Messages.CHINESE).describe(e))
                            .startsWith("无法写入文件 " + target.toAbsolutePath() + "：" + blocker.toAbsolutePath()
                                    + " 是文件，不是文件夹。");
                    assertThat(Messages.forLocale(Messages.ENGLISH).describe(e))
                            .contains(blocker.toAbsolutePath() + " is a file, not a folder.");
                });
    }

    @Test
    void aReadOnlyFolderSaysPermissionDeniedNotTheTempFile() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path folder = Files.createDirectory(dir.resolve("只读"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(folder), "root writes into a read-only folder anyway");
            Path target = folder.resolve("台账.csv");

            assertThatThrownBy(() -> SafeFiles.write(target, out -> out.write('x')))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        String text = Messages.forLocale(Messages.CHINESE).describe(e);
                        assertThat(text).startsWith("无法写入文件 " + target.toAbsolutePath() + "：没有写入权限。");
                        assertThat(text).doesNotContain(".part");
                    });
            assertThat(filesIn(folder)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void reasonsWithoutTheSystemsWordsAreLocalizedOrNamedByTheirClass() {
        Messages zh = Messages.forLocale(Messages.CHINESE);
        Messages en = Messages.forLocale(Messages.ENGLISH);

        Object denied = IoReasons.of(new AccessDeniedException("/media/u/.台账.csv.1.part"));
        assertThat(zh.get("file.writeFailed", "/media/u/台账.csv", denied))
                .contains("：没有写入权限。")
                .doesNotContain(".part");
        assertThat(en.get("file.writeFailed", "/media/u/台账.csv", denied)).contains(": permission denied.");
        assertThat(zh.get("file.writeFailed", "x", IoReasons.of(new NoSuchFileException("/proc/.a.part"))))
                .contains("：路径不存在。");
        assertThat(IoReasons.of(new FileSystemException("/proc/.a.part", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(IoReasons.of(new FileSystemException("/proc/.a.part"))).isEqualTo("FileSystemException");
        assertThat(IoReasons.of(new IOException("No space left on device"))).isEqualTo("No space left on device");
        assertThat(IoReasons.of(new IOException())).isEqualTo("IOException");
    }
}
