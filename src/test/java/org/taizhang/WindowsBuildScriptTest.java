package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * installer/windows/build-windows.ps1 can only run on Windows; what its text must say is checked here (issue 20):
 * no folder chooser in the MSI, a per-user install, the zip through ZipFile, and a self-test that checks Chinese
 * output, a PDF export and a data path with Chinese characters and spaces.
 */
class WindowsBuildScriptTest {
    private static final Path SCRIPT = Path.of("installer", "windows", "build-windows.ps1");
    private static final Pattern GET_TEXT = Pattern.compile("\\$(Text\\w+)\\s*=\\s*Get-Text @\\(([^)]*)\\)");

    private static String script() throws IOException {
        return Files.readString(SCRIPT, StandardCharsets.UTF_8);
    }

    /** The script without its comments: what PowerShell runs. */
    private static String code() throws IOException {
        String text = script().replaceAll("(?s)<#.*?#>", "");
        return text.lines()
                .map(l -> l.replaceAll("^\\s*#.*$", "").replaceAll("\\s#\\s.*$", ""))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theMsiHasNoFolderChooserAndInstallsPerUserUnderLocalAppDataPrograms() throws IOException {
        String code = code();

        // the MSI deletes its install folder recursively: a chosen D:\ or data folder would be lost
        assertThat(code).doesNotContain("--win-dir-chooser");
        assertThat(code).contains("'--win-per-user-install'", "'--install-dir', $InstallDir");
        assertThat(code).containsPattern("\\$InstallDir\\s*=\\s*'Programs\\\\Taizhang'");
    }

    @Test
    void theZipIsMadeByZipFileAndItsEntryNamesAreChecked() throws IOException {
        String code = code();

        assertThat(code).doesNotContain("Compress-Archive");
        assertThat(code).contains("[System.IO.Compression.ZipFile]::CreateFromDirectory(");
        assertThat(code).contains("Switch.System.IO.Compression.ZipFile.UseBackslash");
        assertThat(code).contains("$_.Contains('\\')");
    }

    @Test
    void theSelfTestChecksChineseHelpAPdfAndAChinesePathWithSpaces() throws IOException {
        String code = code();
        String selfTest = code.substring(code.indexOf("if (-not $NoSelfTest)"), code.indexOf("if (-not $NoZip)"));

        assertThat(selfTest).contains("Invoke-Captured $cli @('--help') $ansi", "$help.Out.Contains($TextUsage)");
        assertThat(selfTest).doesNotContain("'62'").contains("$init.Out.Contains($TextUnits)");
        assertThat(selfTest).contains("export.pdf", "'%PDF-'");
        assertThat(selfTest)
                .contains("$env:TAIZHANG_HOME = Join-Path $t (\"$TextLedger $TextData\")")
                .contains("Join-Path $Work (\"self test $TextLedger\")");
    }

    @Test
    void theChineseTheSelfTestExpectsIsWhatTheProgramPrints() throws IOException {
        Matcher m = GET_TEXT.matcher(script());
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        while (m.find()) {
            texts.put(
                    m.group(1),
                    Arrays.stream(m.group(2).split(","))
                            .map(s -> Character.toString(Integer.decode(s.strip())))
                            .collect(Collectors.joining()));
        }

        assertThat(texts).containsEntry("TextUsage", "用法").containsEntry("TextUnits", "单位");
        assertThat(texts).containsEntry("TextLedger", "台账").containsEntry("TextData", "数据");
        assertThat(Files.readString(Path.of("src/main/resources/org/taizhang/cli/picocli_zh_CN.properties")))
                .contains("usage.synopsisHeading=用法：");
        assertThat(Files.readString(Path.of("src/main/resources/i18n/messages_zh_CN.properties")))
                .containsPattern("cli\\.init\\.done=.*单位");
    }

    /**
     * The native libraries lie in the image and are loaded from there (software restriction policies block code
     * unpacked into %TEMP% or the profile; the portable copy must not write into the host PC); the window's process is
     * checked to have loaded them from the image. The path the script takes SQLite's DLL from is the one the
     * sqlite-jdbc on the class path has.
     */
    @Test
    void theNativeLibrariesShipInTheImageAndAreCheckedToBeLoadedFromThere() throws IOException {
        String code = code();

        assertThat(code).contains("$sqliteDll = 'org/sqlite/native/Windows/x86_64/sqlitejdbc.dll'");
        assertThat(org.sqlite
                        .JDBC
                        .class
                        .getClassLoader()
                        .getResource("org/sqlite/native/Windows/x86_64/sqlitejdbc.dll"))
                .isNotNull();
        assertThat(org.sqlite
                        .JDBC
                        .class
                        .getClassLoader()
                        .getResource("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"))
                .isNotNull();
        assertThat(code).contains("'-Dorg.sqlite.lib.path=$APPDIR', '-Dorg.sqlite.lib.name=sqlitejdbc.dll'");
        assertThat(code).contains("Where-Object { $_ -match '^[^/]+\\.dll$' }");
        String selfTest = code.substring(code.indexOf("if (-not $NoSelfTest)"), code.indexOf("if (-not $NoZip)"));
        assertThat(selfTest).contains("@('sqlitejdbc.dll', 'glass.dll')", "$p.Modules", "StartsWith($appDir");
    }

    /** An AOT cache trained before packing, and checked to be used in the image, the unzipped copy and the MSI's files. */
    @Test
    void theAotCacheIsTrainedBeforePackingAndCheckedAfterTheZipAndTheMsi() throws IOException {
        String code = code();
        int training = code.indexOf("-XX:AOTCacheOutput=");
        int zip = code.indexOf("[System.IO.Compression.ZipFile]::CreateFromDirectory(");
        int msi = code.indexOf("'--type', 'msi'");

        assertThat(training).isPositive().isLessThan(zip).isLessThan(msi);
        assertThat(code).contains("'-XX:AOTCache=$APPDIR\\taizhang.aot'", "\"$AppName.cfg\", \"$CliName.cfg\"");
        assertThat(code).contains("$env:JAVA_TOOL_OPTIONS = '-XX:AOTMode=on'");
        assertThat(code.substring(zip, msi)).contains("ExtractToDirectory($zipPath", "Test-AotCacheUsed");
        assertThat(code.substring(msi)).contains("'/a'", "Test-AotCacheUsed");
    }

    @Test
    void theScriptIsAsciiBecauseWindowsPowerShellReadsItInTheAnsiCodePage() throws IOException {
        byte[] bytes = Files.readAllBytes(SCRIPT);

        for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i] & 0xff).as("byte %d", i).isLessThan(0x80);
        }
    }
}
