; Inno Setup 6 script: installs the PyInstaller folder for the current user, without admin rights.
; (Saved as UTF-8 with a byte-order mark, which is how Inno Setup 6 knows to read æ and ø.)
;
;   iscc installer\consultant-app.iss        (after the PyInstaller build, see docs/installing.md)
;
; Result: build\installer\Sikkerhedskonsulent-<version>-setup.exe.
;
; What it does and does not do:
; - Per user (PrivilegesRequired=lowest): the program goes to %LOCALAPPDATA%\Programs\, the
;   shortcut to the user's Start menu; no UAC prompt, nothing for other users of the machine.
; - The vault is NOT touched, on install or uninstall: it lives in the user's data folder
;   (%LOCALAPPDATA%\consultant-app\vault.db, with its backups wherever the user chose), which is
;   not the install folder, and this script names no [UninstallDelete] entry. Removing the
;   program never removes a consultant's records; an upgrade installs over the old program
;   and the app migrates the vault at its next unlock (copying it aside first).
; - The version is read from the version resource the PyInstaller build put in the program
;   (pyproject.toml's version), so it is written in one place only.

#define AppName "Sikkerhedskonsulentens værktøj"
#define BuildDir "..\build\dist\consultant-app"
#define WindowedExe "Sikkerhedskonsulent.exe"
#define AppVersion GetVersionNumbersString(AddBackslash(BuildDir) + WindowedExe)

[Setup]
; The AppId identifies the program across versions (upgrades, uninstall): never change it.
AppId={{6B3E2F4A-8C1D-4E5B-9A7F-2D0C5E8B1A93}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Styrelsen for International Rekruttering og Integration (SIRI)
DefaultDirName={autopf}\Sikkerhedskonsulent
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\build\installer
OutputBaseFilename=Sikkerhedskonsulent-{#AppVersion}-setup
SetupIconFile=..\resources\icons\consultant-app.ico
UninstallDisplayIcon={app}\{#WindowedExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Signing: pass /Ssigntool="signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a $f"
; to iscc and uncomment the next line, so the setup and the uninstaller are signed too.
; SignTool=signtool

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#WindowedExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#WindowedExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\{#WindowedExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
