package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taizhang package export|import|verify}: the contract of issue 17 as far as it is built, with its exit codes. */
class PackageCommandsTest {
    @TempDir
    Path dir;

    private CliRun cli;

    private int run(Object... args) {
        cli = new CliRun();
        return cli.run(args);
    }

    @Test
    void aPackageGoesFromTheHubToALaptopAndAgainChangesNothing() throws Exception {
        Path hub = dir.resolve("hub/taizhang.db");
        Path laptop = dir.resolve("laptop/taizhang.db");
        Path pass = Files.writeString(dir.resolve("口令.txt"), "督查一组2026\n");
        assertThat(run("--db", hub, "init", "--sample")).isZero();
        assertThat(run("--db", laptop, "device", "init", "--name", "督查一组笔记本", "--role", "field"))
                .isZero();

        Path pkg = dir.resolve("U盘/汇总机.tzpkg");
        assertThat(run("--db", hub, "package", "export", "--out", pkg)).isEqualTo(ExitCodes.ERROR);
        assertThat(cli.err.toString()).contains("--passphrase-file").contains("--no-encryption");
        assertThat(run("--db", hub, "package", "export", "--out", pkg, "--passphrase-file", pass))
                .isZero();
        assertThat(cli.out.toString()).contains("已导出数据包").contains("已加密");

        assertThat(run("--db", laptop, "package", "verify", pkg, "--passphrase-file", pass))
                .isZero();
        assertThat(cli.out.toString())
                .contains("校验通过")
                // when it was written, to the minute in local time, as the window says it (not 2026-12-06T20:03:35.5Z)
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")
                .doesNotContainPattern("\\d{2}T\\d{2}:");
        assertThat(run("--db", laptop, "package", "import", pkg, "--passphrase-file", pass))
                .isZero();
        assertThat(cli.out.toString()).contains("新增");
        assertThat(run("--db", laptop, "package", "import", pkg, "--passphrase-file", pass))
                .isZero();
        assertThat(cli.out.toString()).contains("已导入过");
        assertThat(run("--db", laptop, "device", "show")).isZero();
        assertThat(cli.out.toString()).contains("角色：外业机");
    }

    @Test
    void aLaptopSwitchesToAnotherHubOnlyWhenToldAndForcedPastUnsentWorkWhichGoesIntoAnEmergencyPackage()
            throws Exception {
        Path hub = dir.resolve("hub/taizhang.db");
        Path other = dir.resolve("other/taizhang.db");
        Path laptop = dir.resolve("laptop/taizhang.db");
        assertThat(run("--db", hub, "init", "--sample")).isZero();
        assertThat(run("--db", other, "init", "--sample")).isZero();
        Path mine = dir.resolve("U盘/本单位.tzpkg");
        Path theirs = dir.resolve("U盘/外单位.tzpkg");
        assertThat(run("--db", hub, "package", "prepare-field", "--name", "督查一组笔记本", "--out", mine, "--no-encryption"))
                .isZero();
        assertThat(run(
                        "--db",
                        other,
                        "package",
                        "prepare-field",
                        "--name",
                        "借来的笔记本",
                        "--out",
                        theirs,
                        "--no-encryption"))
                .isZero();
        assertThat(run("--db", laptop, "device", "init", "--name", "督查一组笔记本", "--role", "field"))
                .isZero();
        assertThat(run("--db", laptop, "package", "import", mine)).isZero();
        org.taizhang.core.store.Store store = org.taizhang.core.store.Store.open(laptop);
        try (store) {
            org.taizhang.exchange.ExchangeFixtures.recordFinding(store, "支委会未按月召开");
        }

        assertThat(run("--db", laptop, "package", "import", theirs)).isEqualTo(ExitCodes.IMPORT_REJECTED);
        assertThat(cli.err.toString()).contains("另一台汇总机").contains("--switch-hub");
        assertThat(run("--db", laptop, "package", "import", theirs, "--switch-hub"))
                .isEqualTo(ExitCodes.IMPORT_REJECTED);
        assertThat(cli.err.toString()).containsPattern("\\d+ 处修改尚未被原汇总机确认");
        assertThat(run("--db", laptop, "package", "import", theirs, "--switch-hub", "--force"))
                .isZero();
        assertThat(cli.out.toString()).contains("应急数据包").contains("本机已改归汇总机").contains("已备份到");
        assertThat(run("--db", laptop, "device", "show")).isZero();
        assertThat(cli.out.toString()).contains("借来的笔记本");
    }

    @Test
    void aRejectedPackageAmongGoodOnesExitsThreeAndTheOthersStillImport() throws Exception {
        Path hub = dir.resolve("hub/taizhang.db");
        Path laptop = dir.resolve("laptop/taizhang.db");
        assertThat(run("--db", hub, "init", "--sample")).isZero();
        assertThat(run("--db", laptop, "init")).isZero();
        Path good = dir.resolve("good.tzpkg");
        assertThat(run("--db", hub, "package", "export", "--out", good, "--no-encryption"))
                .isZero();
        assertThat(cli.out.toString()).contains("未加密");
        byte[] bytes = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("拔出的U盘.tzpkg"), java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThat(run("--db", laptop, "package", "import", cut, good)).isEqualTo(ExitCodes.IMPORT_REJECTED);

        assertThat(cli.err.toString()).contains("已拒绝").contains("拔出的U盘.tzpkg").contains("不完整或已损坏");
        assertThat(cli.out.toString()).contains("新增");
        assertThat(run("--db", laptop, "package", "verify", cut)).isEqualTo(ExitCodes.ERROR);
    }
}
