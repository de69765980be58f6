; Inno Setup 6 script: the Windows installer for the PyInstaller folder dist\sagstal-desktop\.
;
;     iscc /DAppVersion=0.1.0 build_spec\sagstal.iss      (after pyinstaller build_spec\sagstal.spec)
;
; Installs for the current user only, with no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\Sagstal, a Start-menu entry to the user's own Start menu, and the
; .sagstal file association to HKEY_CURRENT_USER\Software\Classes. Uninstalling (Settings > Apps,
; or the uninstaller in the program folder) removes the program folder, the Start-menu entry, the
; association and the program's settings file; the user's team files and any recovery copies of
; unsaved work (%LOCALAPPDATA%\Sagstal\Sagstal\recovery) are left, being the user's own data.
; Why Inno Setup rather than WiX: build_spec/README.md. tests/test_windows_build.py checks this file.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Sagstal"
#define AppExe "sagstal-desktop.exe"
#define BundleDir "..\dist\sagstal-desktop"
#define ProgId "Sagstal.Team"

[Setup]
; One id for every version: a new version installs over the old one.
AppId={{8BCB8414-9EEA-4ADA-8FBF-720E996C78F8}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
; Per user, no administrator rights; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile=..\resources\icons\sagstal.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
OutputDir=..\dist
OutputBaseFilename=Sagstal-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"

[Registry]
; The .sagstal association, for this user only (HKCU); removed again on uninstall.
Root: HKCU; Subkey: "Software\Classes\.sagstal"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.sagstal\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The program folder whole (also anything written there after installation) and the program's
; settings (platformdirs' folder for the app "Sagstal" by "Sagstal", not roaming).
Type: filesandordirs; Name: "{app}"
Type: files; Name: "{localappdata}\Sagstal\Sagstal\sagstal.ini"
Type: dirifempty; Name: "{localappdata}\Sagstal\Sagstal"
Type: dirifempty; Name: "{localappdata}\Sagstal"
