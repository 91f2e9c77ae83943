; Inno Setup script for the Windows installer of InduCCI Desktop.
; Build the frozen folder first (python packaging\build.py), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\inducci-desktop.iss
; Output: dist\InduCCI-Desktop-<version>-setup.exe. Installs per user by default (no administrator
; rights needed on a training-room PC); the dialog offers "for all users" where the user may.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "InduCCI Desktop"
#define AppExe "inducci-desktop.exe"
#define SourceDir "..\..\dist\InduCCI Desktop"

[Setup]
AppId={{6F1C2D8E-5B7A-4E0B-9A51-2C4D7E9F3A10}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=InduCCI Desktop developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=InduCCI-Desktop-{#AppVersion}-setup
SetupIconFile=..\..\build\generated\icons\inducci-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"
Name: "pl"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "it"; MessagesFile: "compiler:Languages\Italian.isl"
Name: "cs"; MessagesFile: "compiler:Languages\Czech.isl"
Name: "sl"; MessagesFile: "compiler:Languages\Slovenian.isl"
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .inducci bundles open the import preview (per user or per machine, following the install mode)
Root: HKA; Subkey: "Software\Classes\.inducci"; ValueType: string; ValueName: ""; ValueData: "InduCCI.Bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.inducci\OpenWithProgids"; ValueType: string; ValueName: "InduCCI.Bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\InduCCI.Bundle"; ValueType: string; ValueName: ""; ValueData: "InduCCI bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\InduCCI.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\InduCCI.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
