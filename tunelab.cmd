@echo off
rem TuneLab launcher on Windows: builds the CLI with the Maven Wrapper (mvnw.cmd; mvn when it is on
rem the PATH) when cli\target\tunelab-cli.jar is missing, then runs it on a JDK 17+.
rem
rem Simpler than ./tunelab: it rebuilds only when the jar is MISSING, not when the sources are newer
rem (cmd has no portable file-time comparison). After changing or pulling sources, rebuild with
rem   mvnw.cmd -B -q package -DskipTests -pl cli -am
rem No start-up archive (AppCDS); train/tune/benchmark get the full JIT. TUNELAB_JAVA_OPTS replaces
rem the JVM options. `tunelab install` prints how to put this folder on the PATH.
setlocal
set "TUNELAB_ROOT=%~dp0"
set "TUNELAB_JAR=%~dp0cli\target\tunelab-cli.jar"
if /i "%~1"=="install" goto install
if exist "%TUNELAB_JAR%" goto run
echo tunelab: building (first run; this takes a minute, more when mvnw first downloads Maven)... 1>&2
set "TUNELAB_MVN=%TUNELAB_ROOT%mvnw.cmd"
where mvn >nul 2>nul && set "TUNELAB_MVN=mvn"
pushd "%TUNELAB_ROOT%"
call "%TUNELAB_MVN%" -B -q -ntp package -DskipTests -pl cli -am
set "TUNELAB_BUILD=%ERRORLEVEL%"
popd
if not "%TUNELAB_BUILD%"=="0" (
  echo tunelab: build failed ^(see above^) 1>&2
  exit /b 1
)

:run
set "TUNELAB_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "TUNELAB_JAVA=%JAVA_HOME%\bin\java.exe"
set "TUNELAB_OPTS=-XX:+UseSerialGC -Xss4m -XX:PretenureSizeThreshold=1m"
set "TUNELAB_FULL_JIT="
if /i "%~1"=="benchmark" set "TUNELAB_FULL_JIT=1"
if /i "%~1"=="train" set "TUNELAB_FULL_JIT=1"
if /i "%~1"=="tune" set "TUNELAB_FULL_JIT=1"
if not defined TUNELAB_FULL_JIT set "TUNELAB_OPTS=%TUNELAB_OPTS% -XX:TieredStopAtLevel=1"
if defined TUNELAB_JAVA_OPTS set "TUNELAB_OPTS=%TUNELAB_JAVA_OPTS%"
"%TUNELAB_JAVA%" %TUNELAB_OPTS% -jar "%TUNELAB_JAR%" %*
exit /b %ERRORLEVEL%

:install
echo tunelab: on Windows, put this folder on your PATH to run tunelab from anywhere:
echo   %TUNELAB_ROOT%
echo For example, in PowerShell (for your user; open a new terminal afterwards):
echo   [Environment]::SetEnvironmentVariable("Path", [Environment]::GetEnvironmentVariable("Path", "User") + ";%TUNELAB_ROOT%", "User")
exit /b 0
