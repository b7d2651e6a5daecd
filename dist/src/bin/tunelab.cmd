@echo off
rem TuneLab's command on Windows: runs the CLI on a JDK/JRE 17+ (%JAVA_HOME%\bin\java.exe, else
rem java on the PATH) with the jars in ..\lib. Needs no Maven and no repository.
rem
rem Simpler than bin/tunelab: no start-up archive (AppCDS), and train/tune/benchmark always get the
rem full JIT (bin/tunelab gives small train/tune jobs the faster-starting C1 compiler alone).
rem `tunelab install` prints how to put this folder on the PATH. TUNELAB_JAVA_OPTS replaces the
rem JVM options.
setlocal
set "TUNELAB_BIN=%~dp0"
set "TUNELAB_LIB=%~dp0..\lib"
if /i "%~1"=="install" goto install

set "TUNELAB_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "TUNELAB_JAVA=%JAVA_HOME%\bin\java.exe"
set "TUNELAB_OPTS=-XX:+UseSerialGC -Xss4m -XX:PretenureSizeThreshold=1m"
set "TUNELAB_FULL_JIT="
if /i "%~1"=="benchmark" set "TUNELAB_FULL_JIT=1"
if /i "%~1"=="train" set "TUNELAB_FULL_JIT=1"
if /i "%~1"=="tune" set "TUNELAB_FULL_JIT=1"
if not defined TUNELAB_FULL_JIT set "TUNELAB_OPTS=%TUNELAB_OPTS% -XX:TieredStopAtLevel=1"
if defined TUNELAB_JAVA_OPTS set "TUNELAB_OPTS=%TUNELAB_JAVA_OPTS%"
"%TUNELAB_JAVA%" %TUNELAB_OPTS% -cp "%TUNELAB_LIB%\*" dev.tunelab.cli.Main %*
exit /b %ERRORLEVEL%

:install
echo tunelab: on Windows, put this folder on your PATH to run tunelab from anywhere:
echo   %TUNELAB_BIN%
echo For example, in PowerShell (for your user; open a new terminal afterwards):
echo   [Environment]::SetEnvironmentVariable("Path", [Environment]::GetEnvironmentVariable("Path", "User") + ";%TUNELAB_BIN%", "User")
exit /b 0
