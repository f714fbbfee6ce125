package org.taizhang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese Windows console is code page 936: the JVM then sets {@code stdout.encoding=GBK}, and the program must
 * write GBK there. Only another JVM started with that setting shows what picocli really writes, so the launcher
 * runs in a child process and its bytes are read back as GBK.
 */
class ConsoleEncodingTest {
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    @Test
    void helpIsReadableOnAGbkConsole() throws Exception {
        Result r = launch("--help");

        assertThat(r.code).isEqualTo(ExitCodes.OK);
        assertThat(r.out).contains("用法：").contains("机关党建台账").contains("数据库文件");
    }

    @Test
    void anErrorLineIsReadableOnAGbkConsole() throws Exception {
        Path missing = dir.resolve("没有的台账.db");

        Result r = launch(
                "--db",
                missing.toString(),
                "orgs",
                "export",
                dir.resolve("x.xlsx").toString());

        assertThat(r.code).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err).contains("错误：数据库文件").contains("没有的台账.db").contains("不存在");
    }

    @Test
    void aMistypedOptionIsReadableOnAGbkConsole() throws Exception {
        Result r = launch("orgs", "--没有这个选项");

        assertThat(r.code).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err).contains("错误：命令行有误").contains("'--没有这个选项'").contains("用法：");
    }

    private record Result(int code, String out, String err) {}

    /** The real entry point in a JVM whose console is GBK (as on a Chinese Windows), in Chinese. */
    private Result launch(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Dstdout.encoding=GBK",
                "-Dstderr.encoding=GBK",
                "-Dtaizhang.lang=zh",
                // the launcher's fallback log folder lives under the temp folder: keep it inside this test's
                "-Djava.io.tmpdir=" + dir,
                "-cp",
                System.getProperty("java.class.path"),
                "org.taizhang.app.Launcher"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // the Chinese arguments reach the child intact only under a UTF-8 locale (on Linux, whatever CI sets)
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                p.exitValue(), new String(Files.readAllBytes(out), GBK), new String(Files.readAllBytes(err), GBK));
    }
}
