<#
.SYNOPSIS
  Builds Taizhang for Windows: a per-user MSI installer (no admin rights) and a portable zip.

.DESCRIPTION
  Run on Windows x64, from any folder (the script changes to the repository root itself):

      powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1

  Steps:
    1. mvn -B -DskipTests package      -> target\taizhang.jar (JavaFX jars of the OS Maven runs on)
    2. checks the jar holds the Windows JavaFX natives (glass.dll)
    3. jdeps + a fixed list of runtime-only modules -> jlink a trimmed JDK 25 runtime
    4. jpackage --type app-image       -> target\installer\image\Taizhang\Taizhang.exe (+ TaizhangCli.exe)
       with the native libraries (JavaFX's *.dll, SQLite's sqlitejdbc.dll) in app\ beside the jar, loaded from
       there: never unpacked into %TEMP% or %USERPROFILE%\.openjfx (software restriction policies block that, and
       the portable copy on a stick must not write into the host PC)
    5. AOT cache (docs/decisions/0009): one training run of Taizhang.exe on JavaFX's headless platform over a
       sample database writes app\taizhang.aot, named in both launchers' .cfg
    6. self-test of the app-image, in a data folder whose path has Chinese characters and spaces:
       TaizhangCli.exe --version; the AOT cache is used (-XX:AOTMode=on); --help must print Chinese (decoded in
       the system's ANSI code page, as "TaizhangCli.exe --help > help.txt" writes it); init --sample; orgs export
       .xlsx and .pdf; window start, with sqlitejdbc.dll and glass.dll loaded from the image
    7. portable zip ([IO.Compression.ZipFile]::CreateFromDirectory, entry names with forward slashes)
       -> target\installer\Taizhang-<ver>-windows-x64-portable.zip; unzipped again into a path with Chinese
       characters and spaces, its TaizhangCli.exe must start with the AOT cache (the zip's file times)
    8. jpackage --type msi (needs WiX 3.14, or WiX 4 / 5 with wix.exe), per user, no admin rights, into
       %LOCALAPPDATA%\Programs\Taizhang, no folder chooser -> target\installer\Taizhang-<ver>.msi; unpacked by an
       administrative install (msiexec /a), its TaizhangCli.exe must start with the AOT cache too

  This file is ASCII on purpose: Windows PowerShell 5.1 reads a .ps1 without BOM in the ANSI code page.

.PARAMETER SkipMaven
  Do not run Maven; use the existing jar (see -Jar).
.PARAMETER Jar
  The fat jar. Default: target\taizhang.jar.
.PARAMETER Dest
  Output folder. Default: target\installer.
.PARAMETER AppVersion
  Version for the packages. Default: Implementation-Version from the jar's manifest, else 0.1.0.
.PARAMETER Vendor
  Publisher shown in "Apps and Features". Keep it ASCII (see README: WiX code page).
.PARAMETER JavaHome
  A JDK 25 (or newer). Default: JAVA_HOME if it is 25+, else the usual install folders.
.PARAMETER NoMsi
  Skip the MSI.
.PARAMETER RequireMsi
  Fail (instead of only warn) when WiX is missing.
.PARAMETER NoZip
  Skip the portable zip.
.PARAMETER NoSelfTest
  Skip the app-image self-test.
.PARAMETER NoGuiTest
  Self-test without starting the window (e.g. on a build server without a desktop session).
.PARAMETER NoAotCache
  Skip the AOT cache: builds faster, starts slower.
#>
[CmdletBinding()]
param(
    [switch]$SkipMaven,
    [string]$Jar = '',
    [string]$Dest = '',
    [string]$AppVersion = '',
    [string]$Vendor = 'Taizhang',
    [string]$JavaHome = '',
    [switch]$NoMsi,
    [switch]$RequireMsi,
    [switch]$NoZip,
    [switch]$NoSelfTest,
    [switch]$NoGuiTest,
    [switch]$NoAotCache
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$AppName     = 'Taizhang'
$CliName     = 'TaizhangCli'
$MainClass   = 'org.taizhang.app.Launcher'
$Description = 'Taizhang party-building ledger'
# Never change this: Windows Installer uses it to recognise a newer MSI as an upgrade of the installed one.
$UpgradeUuid = '904d6551-2e9e-4204-a1b1-317e01360951'
# Per-user install folder, relative to %LOCALAPPDATA%. NOT "Taizhang": that folder holds the database
# (%LOCALAPPDATA%\Taizhang\taizhang.db) and jpackage's MSI removes its install folder recursively on uninstall.
$InstallDir  = 'Programs\Taizhang'
# Loaded by reflection / services / native code, so jdeps does not (reliably) see them. Same list as Linux.
$ExtraModules = @('java.desktop', 'java.sql', 'java.naming', 'java.management', 'java.logging', 'java.xml',
                  'jdk.unsupported', 'jdk.zipfs', 'jdk.crypto.ec', 'jdk.charsets', 'jdk.localedata',
                  'jdk.management', 'java.prefs')
$JavaOptions = @('--enable-native-access=ALL-UNNAMED', '-Dfile.encoding=UTF-8',
                 '-Dorg.jooq.no-logo=true', '-Dorg.jooq.no-tips=true')

function Say([string]$Message) { Write-Host "build-windows: $Message" }
function Fail([string]$Message) {
    Write-Host "build-windows: ERROR: $Message" -ForegroundColor Red
    exit 1
}

# Runs a native program; stops the build on a non-zero exit code. Returns its stdout lines, or with
# -Stream shows them as they come. ErrorActionPreference is relaxed here: Windows PowerShell 5.1 otherwise
# may turn a tool's stderr lines into terminating errors.
function Invoke-Tool {
    param([string]$Exe, [string[]]$ArgList, [switch]$Quiet, [switch]$Stream)
    $ErrorActionPreference = 'Continue'
    if (-not $Quiet) { Say (">> " + [IO.Path]::GetFileName($Exe) + ' ' + ($ArgList -join ' ')) }
    $out = $null
    if ($Stream) { & $Exe @ArgList | Out-Host } else { $out = & $Exe @ArgList }
    $code = $LASTEXITCODE
    if ($code -ne 0) {
        if ($out) { $out | ForEach-Object { Write-Host "    | $_" } }
        Fail ([IO.Path]::GetFileName($Exe) + " exited with code $code")
    }
    return $out
}

function Get-JdkFeature([string]$JdkDir) {
    $release = Join-Path $JdkDir 'release'
    if (-not (Test-Path -LiteralPath $release)) { return 0 }
    $m = Select-String -LiteralPath $release -Pattern '^JAVA_VERSION="(\d+)' | Select-Object -First 1
    if ($null -eq $m) { return 0 }
    return [int]$m.Matches[0].Groups[1].Value
}

function Test-Jdk25([string]$JdkDir) {
    if ([string]::IsNullOrEmpty($JdkDir)) { return $false }
    foreach ($tool in @('java.exe', 'jar.exe', 'jdeps.exe', 'jlink.exe', 'jpackage.exe')) {
        if (-not (Test-Path -LiteralPath (Join-Path $JdkDir "bin\$tool"))) { return $false }
    }
    return ((Get-JdkFeature $JdkDir) -ge 25)
}

function Find-Jdk25 {
    if ($JavaHome) {
        if (Test-Jdk25 $JavaHome) { return (Resolve-Path -LiteralPath $JavaHome).Path }
        Fail "-JavaHome $JavaHome is not a JDK 25+ with jlink and jpackage"
    }
    if ($env:JAVA_HOME -and (Test-Jdk25 $env:JAVA_HOME)) { return $env:JAVA_HOME }
    $patterns = @("$env:ProgramFiles\Eclipse Adoptium\jdk-2*", "$env:ProgramFiles\Java\jdk-2*",
                  "$env:ProgramFiles\Microsoft\jdk-2*", "$env:ProgramFiles\Zulu\zulu-2*",
                  "$env:ProgramFiles\BellSoft\LibericaJDK-2*", "$env:ProgramFiles\Amazon Corretto\jdk2*")
    foreach ($pattern in $patterns) {
        $dirs = @(Get-ChildItem -Path $pattern -Directory -ErrorAction SilentlyContinue |
                  Sort-Object Name -Descending)
        foreach ($d in $dirs) {
            if (Test-Jdk25 $d.FullName) { return $d.FullName }
        }
    }
    Fail ("no JDK 25 found. Install Temurin 25 (JDK, not JRE) or set JAVA_HOME / pass -JavaHome. " +
          "JAVA_HOME is '$env:JAVA_HOME'.")
}

function Find-Wix {
    # jpackage itself looks on PATH and in the default WiX 3 folders; this only decides whether to try.
    if (Get-Command 'wix.exe' -ErrorAction SilentlyContinue) { return 'WiX 4/5 (wix.exe)' }
    if ((Get-Command 'candle.exe' -ErrorAction SilentlyContinue) -and
        (Get-Command 'light.exe' -ErrorAction SilentlyContinue)) { return 'WiX 3 (candle.exe, light.exe)' }
    $pf86 = [Environment]::GetEnvironmentVariable('ProgramFiles(x86)')
    if ($pf86) {
        $wix3 = @(Get-ChildItem -Path (Join-Path $pf86 'WiX Toolset v3*\bin\light.exe') -ErrorAction SilentlyContinue)
        if ($wix3.Count -gt 0) { return ('WiX 3 (' + $wix3[0].DirectoryName + ')') }
    }
    return $null
}

Add-Type -AssemblyName System.IO.Compression.FileSystem
# Windows PowerShell 5.1 runs on .NET Framework as an app targeting 4.0, where ZipFile writes entry names with
# backslashes: other unzip tools then make files named "Taizhang\app\taizhang.jar" instead of folders. The switch
# must be set before ZipFile first reads it; step 7 checks the names anyway.
[AppContext]::SetSwitch('Switch.System.IO.Compression.ZipFile.UseBackslash', $false)

# Text the self-test expects, as code points: this file stays ASCII (see above).
function Get-Text([int[]]$CodePoints) { return -join ($CodePoints | ForEach-Object { [char]$_ }) }
$TextUsage  = Get-Text @(0x7528, 0x6CD5)                # "usage" heading of --help in Chinese
$TextLedger = Get-Text @(0x53F0, 0x8D26)                # "ledger", in the program's name and in the data path
$TextData   = Get-Text @(0x6570, 0x636E)                # "data"
$TextUnits  = Get-Text @(0x5355, 0x4F4D)                # "units", in what init --sample reports

# The system's ANSI code page (936 on Chinese Windows): the JVM writes in it when its output is not a console.
function Get-AnsiEncoding {
    $acp = 0
    try {
        $acp = [int](Get-ItemPropertyValue -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\Nls\CodePage' -Name 'ACP')
    } catch { $acp = 0 }
    if ($acp -le 0) { return [Text.Encoding]::UTF8 }
    # PowerShell 7 (.NET) knows code page 936 only once this provider is registered; 5.1 has no such type
    try { [Text.Encoding]::RegisterProvider([Text.CodePagesEncodingProvider]::Instance) } catch { }
    return [Text.Encoding]::GetEncoding($acp)
}

# One argument as the Windows command line needs it: quoted when it holds a space or a quote.
function Format-Arg([string]$Arg) {
    if ($Arg -eq '' -or $Arg -match '[\s"]') { return '"' + ($Arg -replace '"', '\"') + '"' }
    return $Arg
}

# Runs a program with its output redirected, as "TaizhangCli.exe ... > out.txt" would, and decodes the bytes in
# the given encoding (not PowerShell's own capture, which decodes in [Console]::OutputEncoding).
function Invoke-Captured {
    param([string]$Exe, [string[]]$ArgList, [Text.Encoding]$Encoding)
    $psi = New-Object Diagnostics.ProcessStartInfo
    $psi.FileName = $Exe
    $psi.Arguments = (@($ArgList | ForEach-Object { Format-Arg $_ }) -join ' ')
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.StandardOutputEncoding = $Encoding
    $psi.StandardErrorEncoding = $Encoding
    $p = [Diagnostics.Process]::Start($psi)
    $errTask = $p.StandardError.ReadToEndAsync()   # both at once: a full stderr pipe would block the program
    $out = $p.StandardOutput.ReadToEnd()
    $p.WaitForExit()
    return [pscustomobject]@{ Code = $p.ExitCode; Out = $out; Err = $errTask.Result }
}

# Starts a TaizhangCli.exe with -XX:AOTMode=on, which makes the JVM refuse to start unless it can use the cache the
# .cfg names: a copy whose cache is ignored (other file times after unzip or install, another path) fails here.
function Test-AotCacheUsed([string]$CliExe, [string]$Where) {
    $env:JAVA_TOOL_OPTIONS = '-XX:AOTMode=on'
    try {
        $r = Invoke-Captured $CliExe @('--version') ([Text.Encoding]::UTF8)
    } finally {
        Remove-Item Env:\JAVA_TOOL_OPTIONS -ErrorAction SilentlyContinue
    }
    if ($r.Code -ne 0) { Fail "$Where cannot use its AOT cache (app\taizhang.aot): $($r.Out) $($r.Err)" }
    Say "ok  $Where starts with its AOT cache"
}

# Adds options to the [JavaOptions] section of a launcher's .cfg, which jpackage writes last.
function Add-CfgJavaOptions([string]$Cfg, [string[]]$Options) {
    if (-not (Test-Path -LiteralPath $Cfg)) { Fail "jpackage wrote no $Cfg" }
    $lines = @(Get-Content -LiteralPath $Cfg -Encoding UTF8)
    $sections = @($lines | Where-Object { $_ -match '^\[.+\]$' })
    if ($sections.Count -eq 0 -or $sections[-1] -ne '[JavaOptions]') {
        Fail "$Cfg does not end with its [JavaOptions] section: $($sections -join ' ')"
    }
    $text = ($lines + @($Options | ForEach-Object { "java-options=$_" })) -join "`r`n"
    [IO.File]::WriteAllText($Cfg, $text + "`r`n", (New-Object System.Text.UTF8Encoding $false))
}

function Get-JarEntryNames([string]$Path) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
    try { return @($zip.Entries | ForEach-Object { $_.FullName }) } finally { $zip.Dispose() }
}

function Get-JarImplementationVersion([string]$Path) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
    try {
        $entry = $zip.GetEntry('META-INF/MANIFEST.MF')
        if ($null -eq $entry) { return '' }
        $reader = New-Object System.IO.StreamReader($entry.Open())
        try { $text = $reader.ReadToEnd() } finally { $reader.Dispose() }
        $m = [regex]::Match($text, '(?m)^Implementation-Version:\s*(\S+)')
        if ($m.Success) { return $m.Groups[1].Value }
        return ''
    } finally { $zip.Dispose() }
}

# ---------------------------------------------------------------------------------------------------
$RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..\..')).Path
$CallerDir = (Get-Location).Path
Set-Location -LiteralPath $RepoRoot
function Resolve-FromCaller([string]$Path) {
    if ([IO.Path]::IsPathRooted($Path)) { return $Path }
    return (Join-Path $CallerDir $Path)
}
if ($Jar)  { $Jar  = Resolve-FromCaller $Jar }  else { $Jar  = Join-Path $RepoRoot 'target\taizhang.jar' }
if ($Dest) { $Dest = Resolve-FromCaller $Dest } else { $Dest = Join-Path $RepoRoot 'target\installer' }

$Jdk = Find-Jdk25
Say "JDK: $Jdk (feature $(Get-JdkFeature $Jdk))"
$JavaExe = Join-Path $Jdk 'bin\java.exe'

# 1. Maven -------------------------------------------------------------------------------------------
if (-not $SkipMaven) {
    $mvn = Get-Command 'mvn' -ErrorAction SilentlyContinue
    if ($null -eq $mvn) { Fail 'mvn is not on PATH (install Apache Maven 3.8+), or pass -SkipMaven -Jar <fat jar>' }
    # The pom's maven-toolchains-plugin picks JDK 25 from the usual install folders, whatever runs Maven.
    Invoke-Tool $mvn.Source @('-B', '-DskipTests', 'package') -Stream
}
if (-not (Test-Path -LiteralPath $Jar)) { Fail "jar not found: $Jar" }
$Jar = (Resolve-Path -LiteralPath $Jar).Path

# 2. The jar must carry the Windows JavaFX natives ---------------------------------------------------
$entries = Get-JarEntryNames $Jar
if (-not ($entries -contains 'glass.dll')) {
    if ($entries -contains 'libglass.so' -or $entries -contains 'libglass.dylib') {
        Fail ("$Jar holds the JavaFX natives of Linux/macOS, not Windows: it was built on another OS. " +
              "Build it on Windows (Maven picks the JavaFX jars of the OS it runs on).")
    }
    Fail "$Jar has no JavaFX natives (glass.dll) at its root: is it the shaded fat jar?"
}
Say 'jar: Windows JavaFX natives present (glass.dll)'

if (-not $AppVersion) {
    $AppVersion = (Get-JarImplementationVersion $Jar) -replace '-SNAPSHOT$', ''
    if (-not $AppVersion) { $AppVersion = '0.1.0' }
}
if ($AppVersion -notmatch '^\d+(\.\d+){0,3}$') { Fail "app version '$AppVersion' is not numeric (e.g. 0.1.0)" }
Say "version: $AppVersion"

$Work = Join-Path ([IO.Path]::GetTempPath()) ('taizhang-jpackage-' + [Guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $Work | Out-Null
try {
    # 3. Modules and jlink ---------------------------------------------------------------------------
    Say 'jdeps: finding the JDK modules the jar uses ...'
    $jdepsOut = @(Invoke-Tool (Join-Path $Jdk 'bin\jdeps.exe') @('--ignore-missing-deps', '--print-module-deps',
                  '--multi-release', '25', $Jar))
    $jdepsModules = ($jdepsOut | Where-Object { $_ -match '^[\w.]+(,[\w.]+)*$' } | Select-Object -Last 1)
    if (-not $jdepsModules) { Fail ('jdeps printed no module list: ' + ($jdepsOut -join ' ')) }
    Say "jdeps says: $jdepsModules"

    $available = @(Invoke-Tool $JavaExe @('--list-modules') -Quiet | ForEach-Object { ($_ -split '@')[0].Trim() })
    $modules = New-Object System.Collections.Generic.List[string]
    foreach ($m in (@($jdepsModules -split ',') + $ExtraModules)) {
        if ($modules.Contains($m)) { continue }
        if ($available -contains $m) { $modules.Add($m) }
        elseif ($m -eq 'jdk.crypto.ec') { Say "note: $m is not in this JDK; skipped" }
        else { Fail "module $m is needed but not in $Jdk" }
    }
    $moduleList = $modules -join ','
    Say "modules: $moduleList"

    $runtime = Join-Path $Work 'runtime'
    Invoke-Tool (Join-Path $Jdk 'bin\jlink.exe') @('--add-modules', $moduleList, '--strip-debug',
        '--no-header-files', '--no-man-pages', '--compress', 'zip-6', '--include-locales', 'en,zh-*',
        '--generate-cds-archive', '--output', $runtime) -Stream
    # Only used with heaps over 32 GB; the normal CDS archive (classes.jsa) stays.
    Remove-Item -LiteralPath (Join-Path $runtime 'bin\server\classes_nocoops.jsa') -ErrorAction SilentlyContinue

    # 4. App-image -----------------------------------------------------------------------------------
    $inputDir = Join-Path $Work 'input'   # the jar and its natives: jpackage copies all of it into app\
    New-Item -ItemType Directory -Path $inputDir | Out-Null
    Copy-Item -LiteralPath $Jar -Destination (Join-Path $inputDir 'taizhang.jar')
    # JavaFX (class path, non-modular) first loads <name>.dll from the folder of the jar holding its classes;
    # sqlite-jdbc loads org.sqlite.lib.path\org.sqlite.lib.name instead of unpacking its copy into %TEMP%.
    $sqliteDll = 'org/sqlite/native/Windows/x86_64/sqlitejdbc.dll'
    $fxDlls = @($entries | Where-Object { $_ -match '^[^/]+\.dll$' })
    if ($fxDlls.Count -eq 0) { Fail "$Jar has no JavaFX *.dll at its root" }
    if (-not ($entries -contains $sqliteDll)) { Fail "$Jar has no $sqliteDll" }
    $zip = [System.IO.Compression.ZipFile]::OpenRead($Jar)
    try {
        foreach ($name in $fxDlls) {
            [System.IO.Compression.ZipFileExtensions]::ExtractToFile($zip.GetEntry($name), (Join-Path $inputDir $name))
        }
        [System.IO.Compression.ZipFileExtensions]::ExtractToFile($zip.GetEntry($sqliteDll),
            (Join-Path $inputDir 'sqlitejdbc.dll'))
    } finally { $zip.Dispose() }
    Say ('natives beside the jar: ' + ($fxDlls -join ' ') + ' sqlitejdbc.dll')
    $JavaOptions += @('-Dorg.sqlite.lib.path=$APPDIR', '-Dorg.sqlite.lib.name=sqlitejdbc.dll')

    # A second launcher with a console, for the command line (taizhang --version, init, orgs export ...).
    $cliProps = Join-Path $Work 'cli.properties'
    [IO.File]::WriteAllText($cliProps, "win-console=true`r`nwin-shortcut=false`r`nwin-menu=false`r`n",
                            (New-Object System.Text.UTF8Encoding $false))

    $imageRoot = Join-Path $Dest 'image'
    $image = Join-Path $imageRoot $AppName
    if (Test-Path -LiteralPath $image) { Remove-Item -LiteralPath $image -Recurse -Force }
    New-Item -ItemType Directory -Path $imageRoot -Force | Out-Null

    $jpackage = Join-Path $Jdk 'bin\jpackage.exe'
    $common = @('--name', $AppName, '--app-version', $AppVersion, '--vendor', $Vendor,
                '--description', $Description)
    $imageArgs = @('--type', 'app-image') + $common + @('--input', $inputDir, '--main-jar', 'taizhang.jar',
                 '--main-class', $MainClass, '--runtime-image', $runtime,
                 '--add-launcher', "$CliName=$cliProps", '--dest', $imageRoot)
    foreach ($o in $JavaOptions) { $imageArgs += @('--java-options', $o) }
    Invoke-Tool $jpackage $imageArgs -Stream
    $exe = Join-Path $image "$AppName.exe"
    $cli = Join-Path $image "$CliName.exe"
    if (-not (Test-Path -LiteralPath $exe)) { Fail "jpackage finished but $exe is missing" }

    # 5. AOT cache -----------------------------------------------------------------------------------
    # As on Linux (build-app-image.sh): one training run of the launcher itself, on the headless platform over a
    # sample database, quitting once the registry is shown (taizhang.startupProbe); the JVM writes the cache at exit.
    if (-not $NoAotCache) {
        $train = Join-Path $Work 'train'
        New-Item -ItemType Directory -Path $train | Out-Null
        $trainDb = Join-Path $train 't.db'
        $probe = Join-Path $train 'probe.txt'
        $cache = Join-Path $image 'app\taizhang.aot'
        $env:TAIZHANG_HOME = Join-Path $train 'home'
        try {
            [void](Invoke-Tool $cli @('--db', $trainDb, 'init', '--sample') -Quiet)
            Say 'AOT cache: training run (window on the headless platform, sample database) ...'
            # quoted: the JVM splits JAVA_TOOL_OPTIONS at spaces outside quotes, and these paths may hold spaces
            $env:JAVA_TOOL_OPTIONS = ("-XX:AOTCacheOutput=`"$cache`" -Xlog:aot*=off,cds*=off -Dglass.platform=Headless " +
                                      "-Dprism.order=sw -Dtaizhang.startupProbe=`"$probe`"")
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $p = Start-Process -FilePath $exe -ArgumentList @('--db', "`"$trainDb`"") -PassThru
            if (-not $p.WaitForExit(300000)) {
                Stop-Process -Id $p.Id -Force -ErrorAction SilentlyContinue
                Fail 'AOT training run did not end within 5 minutes'
            }
        } finally {
            Remove-Item Env:\JAVA_TOOL_OPTIONS -ErrorAction SilentlyContinue
            Remove-Item Env:\TAIZHANG_HOME -ErrorAction SilentlyContinue
        }
        if (-not ((Test-Path -LiteralPath $probe) -and
                  (Select-String -LiteralPath $probe -Pattern '^registryShownMs=' -Quiet))) {
            Fail "AOT training run did not show the registry (exit code $($p.ExitCode))"
        }
        if (-not (Test-Path -LiteralPath $cache) -or (Get-Item -LiteralPath $cache).Length -eq 0) {
            Fail "AOT training run wrote no $cache"
        }
        # -Xlog off: when the JVM cannot use the cache (another JDK, a changed jar) it starts without it, and would
        # say why on stdout, the command line's output
        foreach ($cfg in @("$AppName.cfg", "$CliName.cfg")) {
            Add-CfgJavaOptions (Join-Path $image "app\$cfg") @('-XX:AOTCache=$APPDIR\taizhang.aot', '-Xlog:aot*=off,cds*=off')
        }
        Say ("AOT cache: " + [math]::Round((Get-Item -LiteralPath $cache).Length / 1MB) + " MB in " +
             [math]::Round($watch.Elapsed.TotalSeconds) + ' s')
    }
    $imageMb = [math]::Round(((Get-ChildItem -LiteralPath $image -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
    Say "app-image: $image ($imageMb MB)"

    # 6. Self-test -----------------------------------------------------------------------------------
    if (-not $NoSelfTest) {
        # Chinese characters and spaces in every path, as under a clerk's own user folder
        $t = Join-Path $Work ("self test $TextLedger")
        New-Item -ItemType Directory -Path $t | Out-Null
        $ansi = Get-AnsiEncoding
        # keep the real %LOCALAPPDATA%\Taizhang untouched; the database lands where TAIZHANG_HOME says
        $env:TAIZHANG_HOME = Join-Path $t ("$TextLedger $TextData")
        try {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $v = @(Invoke-Tool $cli @('--version') -Quiet)
            $ms = $watch.ElapsedMilliseconds
            if (-not (($v -join "`n") -match 'taizhang ')) { Fail ("--version printed: " + ($v -join ' ')) }
            Say "ok  --version -> $($v[0]) ($ms ms)"
            if (-not $NoAotCache) { Test-AotCacheUsed $cli 'the app-image' }

            $help = Invoke-Captured $cli @('--help') $ansi
            if ($help.Code -ne 0) { Fail "--help exited with code $($help.Code): $($help.Err)" }
            $roundTrip = $ansi.GetString($ansi.GetBytes($TextUsage))
            if ($roundTrip -ne $TextUsage) {
                # code page 1252 (an English build machine) has no Chinese: the JVM writes '?' there, rightly
                Write-Host ("build-windows: WARNING: code page $($ansi.CodePage) cannot show Chinese; --help's Chinese " +
                            'is not checked here. Run the build on a Chinese Windows (code page 936).') -ForegroundColor Yellow
            } elseif (-not ($help.Out.Contains($TextUsage) -and $help.Out.Contains($TextLedger))) {
                Fail ("--help does not print its Chinese in code page $($ansi.CodePage) (garbled console output): " +
                      $help.Out.Substring(0, [math]::Min(200, $help.Out.Length)))
            } else {
                Say "ok  --help prints Chinese in code page $($ansi.CodePage)"
            }

            # no --db: the database is found through TAIZHANG_HOME, a path with Chinese characters and a space
            $init = Invoke-Captured $cli @('init', '--sample') $ansi
            $db = Join-Path $env:TAIZHANG_HOME 'taizhang.db'
            if ($init.Code -ne 0) { Fail "init --sample exited with code $($init.Code): $($init.Out) $($init.Err)" }
            if (-not (Test-Path -LiteralPath $db)) { Fail "init --sample did not create $db" }
            if ($roundTrip -eq $TextUsage -and -not $init.Out.Contains($TextUnits)) {
                Fail ('init --sample did not report its units in Chinese: ' + $init.Out)
            }
            Say 'ok  init --sample (data folder with Chinese characters and a space)'

            $xlsx = Join-Path $t ("$TextLedger export.xlsx")
            [void](Invoke-Tool $cli @('--db', $db, 'orgs', 'export', $xlsx) -Quiet)
            if (-not (Test-Path -LiteralPath $xlsx) -or (Get-Item -LiteralPath $xlsx).Length -eq 0) {
                Fail "orgs export did not write $xlsx"
            }
            Say "ok  orgs export .xlsx ($((Get-Item -LiteralPath $xlsx).Length) bytes)"

            # the PDF needs a Chinese font of the system (simsun.ttc and the others, found by family name)
            $pdf = Join-Path $t ("$TextLedger export.pdf")
            $pdfRun = Invoke-Captured $cli @('--db', $db, 'orgs', 'export', $pdf) $ansi
            if ($pdfRun.Code -ne 0) { Fail "orgs export .pdf exited with code $($pdfRun.Code): $($pdfRun.Err)" }
            if (-not (Test-Path -LiteralPath $pdf)) { Fail "orgs export did not write $pdf" }
            $head = New-Object byte[] 5
            $fs = [IO.File]::OpenRead($pdf)
            try { [void]$fs.Read($head, 0, 5) } finally { $fs.Dispose() }
            if ([Text.Encoding]::ASCII.GetString($head) -ne '%PDF-') { Fail "$pdf is not a PDF file" }
            Say "ok  orgs export .pdf ($((Get-Item -LiteralPath $pdf).Length) bytes)"

            if (-not $NoGuiTest) {
                $p = Start-Process -FilePath $exe -ArgumentList @('--db', "`"$db`"") -PassThru
                Start-Sleep -Seconds 8
                if ($p.HasExited) { Fail "the window process exited early (exit code $($p.ExitCode))" }
                Say 'ok  window: still running after 8 s'
                # the native libraries come from the image, not from %TEMP% or %USERPROFILE%\.openjfx
                $appDir = (Join-Path $image 'app') + '\'
                $p.Refresh()
                foreach ($dll in @('sqlitejdbc.dll', 'glass.dll')) {
                    $loaded = @($p.Modules | Where-Object { $_.ModuleName -ieq $dll })
                    if ($loaded.Count -eq 0) { Fail "the window process has not loaded $dll" }
                    foreach ($m in $loaded) {
                        if (-not $m.FileName.StartsWith($appDir, [StringComparison]::OrdinalIgnoreCase)) {
                            Fail "$dll was loaded from $($m.FileName), not from the image ($appDir)"
                        }
                    }
                }
                Say 'ok  window: sqlitejdbc.dll and glass.dll loaded from the image'
                Stop-Process -Id $p.Id -Force -ErrorAction SilentlyContinue
                Start-Sleep -Seconds 1
            }
        } finally {
            Remove-Item Env:\TAIZHANG_HOME -ErrorAction SilentlyContinue
        }
    }

    # 7. Portable zip --------------------------------------------------------------------------------
    if (-not $NoZip) {
        $stage = Join-Path $Work 'portable'
        New-Item -ItemType Directory -Path $stage | Out-Null
        Copy-Item -LiteralPath $image -Destination $stage -Recurse
        Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'Taizhang-USB.cmd') -Destination (Join-Path $stage $AppName)
        Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'portable-README.txt') -Destination (Join-Path $stage $AppName)
        $zipPath = Join-Path $Dest "$AppName-$AppVersion-windows-x64-portable.zip"
        if (Test-Path -LiteralPath $zipPath) { Remove-Item -LiteralPath $zipPath -Force }
        Say "zip: $zipPath ..."
        # includeBaseDirectory: the zip holds one folder, Taizhang\, so "extract here" makes no mess
        [System.IO.Compression.ZipFile]::CreateFromDirectory((Join-Path $stage $AppName), $zipPath,
            [System.IO.Compression.CompressionLevel]::Optimal, $true)
        $badNames = @(Get-JarEntryNames $zipPath | Where-Object { $_.Contains('\') })
        if ($badNames.Count -gt 0) {
            Fail ("$zipPath has entry names with backslashes (" + $badNames[0] + '): run the script with PowerShell 7 (pwsh)')
        }
        Say ("zip: $zipPath (" + [math]::Round((Get-Item -LiteralPath $zipPath).Length / 1MB, 1) + ' MB)')
        if (-not $NoAotCache) {
            # as a clerk unpacks it: file times from the zip (2-second steps, local time), another path
            $unzipped = Join-Path $Work ("unzip $TextLedger")
            [System.IO.Compression.ZipFile]::ExtractToDirectory($zipPath, $unzipped)
            Test-AotCacheUsed (Join-Path $unzipped "$AppName\$CliName.exe") 'the unzipped portable copy'
        }
    }

    # 8. MSI -----------------------------------------------------------------------------------------
    if (-not $NoMsi) {
        $wix = Find-Wix
        if ($null -eq $wix) {
            $msg = ('WiX not found (wix.exe for WiX 4/5, or candle.exe + light.exe for WiX 3 on PATH): no MSI built. ' +
                    'See installer\windows\README.md.')
            if ($RequireMsi) { Fail $msg }
            Write-Host "build-windows: WARNING: $msg" -ForegroundColor Yellow
        } else {
            Say "WiX: $wix"
            # No --win-dir-chooser: the MSI deletes its install folder recursively on uninstall and upgrade, so a
            # clerk who chose D:\ or the data folder would lose it. Per user: no admin rights, %LOCALAPPDATA%\Programs.
            $msiArgs = @('--type', 'msi', '--app-image', $image) + $common + @(
                '--dest', $Dest,
                '--win-per-user-install', '--install-dir', $InstallDir,
                '--win-menu', '--win-menu-group', $AppName, '--win-shortcut',
                '--win-upgrade-uuid', $UpgradeUuid)
            Invoke-Tool $jpackage $msiArgs -Stream
            $msi = Join-Path $Dest "$AppName-$AppVersion.msi"
            if (-not (Test-Path -LiteralPath $msi)) { Fail "jpackage finished but $msi is missing" }
            Say ("msi: $msi (" + [math]::Round((Get-Item -LiteralPath $msi).Length / 1MB, 1) + ' MB)')
            if (-not $NoAotCache) {
                # an administrative install unpacks the files as an install would, with the cabinet's file times
                $admin = Join-Path $Work ("msi $TextLedger")
                New-Item -ItemType Directory -Path $admin | Out-Null
                $mp = Start-Process -FilePath 'msiexec.exe' -Wait -PassThru -ArgumentList @(
                    '/a', "`"$msi`"", '/qn', "TARGETDIR=`"$admin`"")
                if ($mp.ExitCode -ne 0) { Fail "msiexec /a exited with code $($mp.ExitCode)" }
                $unpacked = @(Get-ChildItem -LiteralPath $admin -Recurse -Filter "$CliName.exe" | Select-Object -First 1)
                if ($unpacked.Count -eq 0) { Fail "msiexec /a unpacked no $CliName.exe under $admin" }
                Test-AotCacheUsed $unpacked[0].FullName 'the MSI''s unpacked copy'
            }
        }
    }
} finally {
    Remove-Item -LiteralPath $Work -Recurse -Force -ErrorAction SilentlyContinue
}
Say 'done.'
