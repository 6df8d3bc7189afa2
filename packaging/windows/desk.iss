; Desk for Windows: Inno Setup 6 script -> Desk-<version>-setup.exe
;
; Built by `python packaging\build.py --installer` (see packaging\README.md), which
; passes the version and folders:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\Desk /DOutputDir=dist packaging\windows\desk.iss
; Code signing (optional): define a sign tool and name it, e.g.
;   iscc "/Sdesksign=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f cert.pfx /p PASS $f" /DSignTool=desksign ...
; Inno then signs the setup program and the uninstaller with it.
;
; The install is per user and needs no administrator rights. The uninstaller
; removes the program only: projects (.desk files) are never touched, and
; Desk's models, settings and logs (%LOCALAPPDATA%\Desk) stay unless the user
; says yes to the question, or runs the uninstaller with /PURGE.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Desk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
; Releases use the smallest setup; the Wine smoke test on every CI run passes
; /DCompression=lzma2/fast (same decompressor, a fraction of the time on 2 cores).
#ifndef Compression
  #define Compression "lzma2/max"
#endif

[Setup]
AppId={{B685C5BF-BEB7-4F46-B5E5-6F15E92425BE}
AppName=Desk
AppVersion={#AppVersion}
AppVerName=Desk {#AppVersion}
AppPublisher=Desk developers
DefaultDirName={autopf}\Desk
DefaultGroupName=Desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#OutputDir}
OutputBaseFilename=Desk-{#AppVersion}-setup
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\Desk.exe
UninstallDisplayName=Desk
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Desk"; Filename: "{app}\Desk.exe"; Comment: "Annotate a livestream recording"
Name: "{autodesktop}\Desk"; Filename: "{app}\Desk.exe"; Tasks: desktopicon

[Registry]
; .desk projects open in Desk (HKA = the current user's classes for a per-user install).
Root: HKA; Subkey: "Software\Classes\.desk"; ValueType: string; ValueName: ""; ValueData: "Desk.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.desk\OpenWithProgids"; ValueType: string; ValueName: "Desk.Project"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Desk.Project"; ValueType: string; ValueName: ""; ValueData: "Desk project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Desk.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\Desk.exe,0"
Root: HKA; Subkey: "Software\Classes\Desk.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Desk.exe"" ""%1"""
; Offer Desk in "Open with" for recordings, without taking them over.
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe\SupportedTypes"; ValueType: string; ValueName: ".desk"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe\SupportedTypes"; ValueType: string; ValueName: ".mp4"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe\SupportedTypes"; ValueType: string; ValueName: ".mkv"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe\SupportedTypes"; ValueType: string; ValueName: ".webm"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe\SupportedTypes"; ValueType: string; ValueName: ".mp3"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe\SupportedTypes"; ValueType: string; ValueName: ".m4a"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe\SupportedTypes"; ValueType: string; ValueName: ".wav"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Desk.exe\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Desk.exe"" ""%1"""

[Run]
Filename: "{app}\Desk.exe"; Description: "{cm:LaunchProgram,Desk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The VLC plugin cache that libvlc may rewrite next to the plugins.
Type: files; Name: "{app}\_internal\vlc\plugins\plugins.dat"

[Code]
{ Desk keeps downloaded models, settings and logs in %LOCALAPPDATA%\Desk.
  They outlive an uninstall (a reinstall or upgrade finds them again) unless
  the user asks: a question in an interactive uninstall, /PURGE in a silent one. }

function PurgeRequested(): Boolean;
begin
  Result := Pos('/PURGE', Uppercase(GetCmdTail())) > 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
  Remove: Boolean;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\Desk');
    if DirExists(DataDir) then
    begin
      Remove := PurgeRequested();
      if (not Remove) and (not UninstallSilent()) then
        Remove := MsgBox('Also delete Desk''s downloaded models, settings and logs in ' +
          DataDir + '?' + #13#10 + #13#10 +
          'Your projects (.desk files) are kept either way.',
          mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
      if Remove then
        DelTree(DataDir, True, True, True);
    end;
  end;
end;
