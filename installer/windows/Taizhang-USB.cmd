@echo off
rem Taizhang portable start: keeps the database in the "data" folder beside this file
rem (for example on a USB stick) instead of %%LOCALAPPDATA%%\Taizhang on this PC.
rem Close Taizhang before removing the USB stick.
setlocal
set "TAIZHANG_HOME=%~dp0data"
if not exist "%TAIZHANG_HOME%" mkdir "%TAIZHANG_HOME%"
start "" "%~dp0Taizhang.exe" %*
